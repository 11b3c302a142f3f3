resource "aws_sqs_queue" "work_queue" {
  name                      = "${var.service_name}-${var.service_instance_name}"
  receive_wait_time_seconds = 20
  tags = {
    batch-size = var.batch_size
  }
}
