output "bucket_name" {
  value = aws_s3_bucket.bucket.bucket
}

output "bucket_access_policy_arn" {
  value = aws_iam_policy.access_policy.arn
}

output "queue_arn" {
  value = aws_sqs_queue.queue.arn
}

output "queue_url" {
  value = aws_sqs_queue.queue.url
}
