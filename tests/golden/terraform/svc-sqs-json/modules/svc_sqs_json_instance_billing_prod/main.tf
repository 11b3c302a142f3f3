resource "aws_sqs_queue" "queue1" {
  name                      = "svc1-billing-prod-invoices"
  message_retention_seconds = 1209600
}

resource "aws_cloudwatch_metric_alarm" "queue1_alarm" {
  alarm_name  = "${var.stack_name}-Queue1Alarm"
  namespace   = "AWS/SQS"
  metric_name = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.queue1.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 25
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:dev-alarms"]
}

resource "aws_sqs_queue" "queue2" {
  name                      = "svc1-billing-prod-refunds"
  message_retention_seconds = 1209600
}

resource "aws_cloudwatch_metric_alarm" "queue2_alarm" {
  alarm_name  = "${var.stack_name}-Queue2Alarm"
  namespace   = "AWS/SQS"
  metric_name = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.queue2.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 25
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:dev-alarms"]
}

resource "aws_sqs_queue" "queue3" {
  name                      = "svc1-billing-prod-disputes"
  message_retention_seconds = 1209600
}

resource "aws_cloudwatch_metric_alarm" "queue3_alarm" {
  alarm_name  = "${var.stack_name}-Queue3Alarm"
  namespace   = "AWS/SQS"
  metric_name = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.queue3.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 25
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:dev-alarms"]
}
