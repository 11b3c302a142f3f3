resource "aws_sqs_queue" "queue1" {
  name                      = "svc1-billing-dev-inbound"
  message_retention_seconds = 345600
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
  threshold           = 100
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:dev-alarms"]
}
