output "vpc_id" {
  value = aws_vpc.vpc.id
}

output "vpc_cidr" {
  value = var.vpc_cidr
}

output "cluster_name" {
  value = aws_ecs_cluster.cluster.name
}

output "cluster_arn" {
  value = aws_ecs_cluster.cluster.arn
}

output "service_security_group" {
  value = aws_security_group.service_security_group.id
}

output "private_subnet_ids" {
  value = join(",", [aws_subnet.private_subnet1.id, aws_subnet.private_subnet2.id, aws_subnet.private_subnet3.id])
}

output "private_subnet_count" {
  value = "3 subnets, first 10.20.128.0/20, last 10.20.160.0/20"
}

output "nat_gateway_count" {
  value = "2"
}

output "flow_log_retention" {
  description = "Days as a float: 90.0"
  value       = "12.9 weeks"
}

output "subnet_cidrs_json" {
  value = "[\"10.20.128.0/20\", \"10.20.144.0/20\", \"10.20.160.0/20\"]"
}

output "flow_logs_defined" {
  value = "True/False"
}

output "cidr_suffix" {
  value = "10.20.0.0-16"
}
