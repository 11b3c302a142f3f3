resource "aws_iam_role" "function_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "lambda.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::123456789012:policy/ingest-attachments-access", "arn:aws:iam::123456789012:policy/ingest-read-only"]
}

resource "awscc_lambda_function" "function" {
  function_name = "svc1-ingest-dev"
  runtime       = "python3.12"
  handler       = "index.handler"
  memory_size   = 512
  timeout       = 30
  role          = aws_iam_role.function_role.arn
  code = {
    zip_file = "def handler(event, context):\n    return {\"records\": len(event.get(\"Records\", []))}\n"
  }
  environment = {
    variables = {
      LOG_LEVEL             = "DEBUG"
      CLUSTER               = "env-platform"
      BucketName            = "ingest-attachments-7f3a"
      BucketAccessPolicyArn = "arn:aws:iam::123456789012:policy/ingest-attachments-access"
      QueueArn              = "arn:aws:sqs:us-east-1:123456789012:ingest-events"
      QueueUrl              = "https://sqs.us-east-1.amazonaws.com/123456789012/ingest-events"
      ReadOnlyPolicyArn     = "arn:aws:iam::123456789012:policy/ingest-read-only"
    }
  }
}

resource "awscc_lambda_event_source_mapping" "queue_trigger" {
  function_name    = awscc_lambda_function.function.id
  event_source_arn = "arn:aws:sqs:us-east-1:123456789012:ingest-events"
  batch_size       = 10
}

resource "aws_iam_role" "task_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  managed_policy_arns = ["arn:aws:iam::123456789012:policy/ingest-attachments-access", "arn:aws:iam::123456789012:policy/ingest-read-only", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]
}

resource "aws_ecs_task_definition" "batch_task" {
  family                   = "svc1-ingest-dev-batch"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  task_role_arn            = aws_iam_role.task_role.arn
  container_definitions = jsonencode([
    {
      name  = "batch"
      image = "public.ecr.aws/docker/library/python:3.12-slim"
      environment = [
        {
          name  = "LOG_LEVEL"
          value = "DEBUG"
        },
        {
          name  = "BucketName"
          value = "ingest-attachments-7f3a"
        },
        {
          name  = "BucketAccessPolicyArn"
          value = "arn:aws:iam::123456789012:policy/ingest-attachments-access"
        },
        {
          name  = "QueueArn"
          value = "arn:aws:sqs:us-east-1:123456789012:ingest-events"
        },
        {
          name  = "QueueUrl"
          value = "https://sqs.us-east-1.amazonaws.com/123456789012/ingest-events"
        },
        {
          name  = "ReadOnlyPolicyArn"
          value = "arn:aws:iam::123456789012:policy/ingest-read-only"
        },
      ]
    },
    {
      name      = "uploader"
      image     = "public.ecr.aws/aws-cli/aws-cli:latest"
      essential = false
      environment = [
        {
          name  = "BucketName"
          value = "ingest-attachments-7f3a"
        },
        {
          name  = "BucketAccessPolicyArn"
          value = "arn:aws:iam::123456789012:policy/ingest-attachments-access"
        },
        {
          name  = "QueueArn"
          value = "arn:aws:sqs:us-east-1:123456789012:ingest-events"
        },
        {
          name  = "QueueUrl"
          value = "https://sqs.us-east-1.amazonaws.com/123456789012/ingest-events"
        },
        {
          name  = "ReadOnlyPolicyArn"
          value = "arn:aws:iam::123456789012:policy/ingest-read-only"
        },
      ]
    },
  ])
}
