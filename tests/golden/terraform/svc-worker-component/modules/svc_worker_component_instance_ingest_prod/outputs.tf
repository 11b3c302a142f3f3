output "function_arn" {
  value = awscc_lambda_function.function.arn
}

output "component_attached" {
  value = "True"
}
