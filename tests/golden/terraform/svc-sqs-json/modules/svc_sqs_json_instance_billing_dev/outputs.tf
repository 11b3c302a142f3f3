output "queue_urls" {
  value = join(",", [aws_sqs_queue.queue1.url])
}

output "queue_names" {
  value = "inbound"
}
