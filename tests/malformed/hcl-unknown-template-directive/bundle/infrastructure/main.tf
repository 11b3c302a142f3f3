resource "aws_sqs_queue" "jobs" {
  name = "%{ while true }x%{ endwhile }"
}
