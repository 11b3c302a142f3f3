locals {
  guard1 = var.fifo
}

resource "aws_sns_topic" "topic" {
  name              = local.guard1 ? "${var.topic_name}.fifo" : var.topic_name
  fifo_topic        = local.guard1 ? true : null
  kms_master_key_id = "alias/aws/sns"
}
