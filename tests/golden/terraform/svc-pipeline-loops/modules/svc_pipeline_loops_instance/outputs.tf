output "queue_url" {
  value = aws_sqs_queue.work_queue.url
}
