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

resource "aws_codepipeline" "pipeline" {
  name     = "${var.stack_name}-Pipeline"
  role_arn = aws_iam_role.pipeline_role.arn
  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.artifact_bucket.bucket
  }
  stage {
    name = "Source"
    action {
      name     = "Checkout"
      category = "Source"
      owner    = "AWS"
      provider = "CodeStarSourceConnection"
      version  = "1"
      configuration = {
        ConnectionArn    = var.service_repository_connection_arn
        FullRepositoryId = var.service_repository_id
        BranchName       = var.service_branch_name
      }
      output_artifacts = ["Source"]
    }
  }
  stage {
    name = "Build"
    action {
      name     = "Build"
      category = "Build"
      owner    = "AWS"
      provider = "CodeBuild"
      version  = "1"
      configuration = {
        ProjectName = aws_codebuild_project.build_project.name
      }
      input_artifacts  = ["Source"]
      output_artifacts = ["Image"]
    }
  }
  dynamic "stage" {
    for_each = var.service_instances
    iterator = service_instance
    content {
      name = "${service_instance.value.inputs.stage_name}-${service_instance.value.name}"
      action {
        name      = "Deploy${(service_instance.key + 1)}"
        run_order = (service_instance.key + 1)
        category  = "Build"
        owner     = "AWS"
        provider  = "CodeBuild"
        version   = "1"
        configuration = {
          ProjectName = aws_codebuild_project.deploy_loop_index_project[service_instance.value.name].name
        }
        input_artifacts = ["Image"]
      }
    }
  }
}
