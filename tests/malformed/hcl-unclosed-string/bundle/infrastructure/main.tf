resource "aws_sqs_queue" "jobs" {
  name = "${var.environment.inputs.queue_name}
}
