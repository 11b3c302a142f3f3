output "queue_urls" {
  value = join(",", [aws_sqs_queue.queue1.url, aws_sqs_queue.queue2.url, aws_sqs_queue.queue3.url])
}

output "queue_names" {
  value = "invoices,refunds,disputes"
}
