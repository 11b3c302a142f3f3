output "pipeline_name" {
  value = awscc_codepipeline_pipeline.pipeline.id
}
