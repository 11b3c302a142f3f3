resource "aws_sqs_queue" "jobs" {
  name   = var.environment.inputs.queue_name
  policy = <<EOF
{"Version": "2012-10-17"}
EOF_NOT_THE_MARKER
