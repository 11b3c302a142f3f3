output "pipeline_name" {
  value = aws_codepipeline.pipeline.name
}
