resource "aws_iam_role" "pipeline_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "codepipeline.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
      {
        Effect = "Allow"
        Principal = {
          AWS = [for index, service_instance in var.service_instances : "arn:aws:iam::${service_instance.environment.account_id}:root"]
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_s3_bucket" "artifact_bucket" {}

resource "aws_codebuild_project" "build_project" {
  name         = "${var.stack_name}-BuildProject"
  service_role = aws_iam_role.pipeline_role.arn
  artifacts {
    type = "CODEPIPELINE"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = var.build_image
    type         = "LINUX_CONTAINER"
  }
  source {
    type = "CODEPIPELINE"
  }
}

resource "aws_codebuild_project" "deploy_loop_index_project" {
  for_each = { for service_instance in var.service_instances : service_instance.name => service_instance }

  name         = "${var.service_name}-deploy-${each.value.name}"
  service_role = aws_iam_role.pipeline_role.arn
  artifacts {
    type = "CODEPIPELINE"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = var.build_image
    type         = "LINUX_CONTAINER"
    environment_variable {
      name  = "SERVICE_INSTANCE"
      value = each.value.name
    }
    environment_variable {
      name  = "BATCH_SIZE"
      value = each.value.inputs.batch_size
    }
  }
  source {
    type = "CODEPIPELINE"
  }
}

resource "awscc_codepipeline_pipeline" "pipeline" {
  role_arn = aws_iam_role.pipeline_role.arn
  artifact_store = {
    type     = "S3"
    location = aws_s3_bucket.artifact_bucket.bucket
  }
  stages = concat([
    {
      name = "Source"
      actions = [
        {
          name = "Checkout"
          action_type_id = {
            category = "Source"
            owner    = "AWS"
            provider = "CodeStarSourceConnection"
            version  = "1"
          }
          configuration = jsonencode({
            ConnectionArn    = var.service_repository_connection_arn
            FullRepositoryId = var.service_repository_id
            BranchName       = var.service_branch_name
          })
          output_artifacts = [
            {
              name = "Source"
            },
          ]
        },
      ]
    },
    {
      name = "Build"
      actions = [
        {
          name = "Build"
          action_type_id = {
            category = "Build"
            owner    = "AWS"
            provider = "CodeBuild"
            version  = "1"
          }
          configuration = jsonencode({
            ProjectName = aws_codebuild_project.build_project.name
          })
          input_artifacts = [
            {
              name = "Source"
            },
          ]
          output_artifacts = [
            {
              name = "Image"
            },
          ]
        },
      ]
    },
    ], [for index, service_instance in var.service_instances : {
      name = "${service_instance.inputs.stage_name}-${service_instance.name}"
      actions = [
        {
          name      = "Deploy${(index + 1)}"
          run_order = (index + 1)
          action_type_id = {
            category = "Build"
            owner    = "AWS"
            provider = "CodeBuild"
            version  = "1"
          }
          configuration = jsonencode({
            ProjectName = aws_codebuild_project.deploy_loop_index_project[service_instance.name].name
          })
          input_artifacts = [
            {
              name = "Image"
            },
          ]
        },
      ]
  }])
}
