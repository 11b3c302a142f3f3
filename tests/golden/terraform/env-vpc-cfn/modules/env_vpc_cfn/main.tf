locals {
  guard1 = var.enable_flow_logs
  guard2 = var.create_database
  tier_settings = {
    dev = {
      LogRetention = 7
    }
    staging = {
      LogRetention = 30
    }
    prod = {
      LogRetention = 365
    }
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_secretsmanager_secret_version" "platform_aurora" {
  secret_id = "platform/aurora"
}

data "aws_ssm_parameter" "aws_service_ami_amazon_linux_latest_al2023_ami_kernel_default_x86_64" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_vpc" "vpc" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name       = "env-platform"
    Tier       = "staging-ha"
    ShortName  = "vpc-for-env-CC-1"
    CostCenter = var.cost_center
    FlowLogs   = var.enable_flow_logs
    team       = "payments"
    data_class = "internal"
  }
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Purpose = "Internet access for the..."
  }
}

resource "aws_internet_gateway_attachment" "gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_subnet" "public_subnet" {
  vpc_id                  = aws_vpc.vpc.id
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  cidr_block              = element([for index in range(4) : cidrsubnet(var.vpc_cidr, 32 - 8 - tonumber(split("/", var.vpc_cidr)[1]), index)], 0)
  map_public_ip_on_launch = true
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route" "public_default_route" {
  route_table_id         = aws_route_table.public_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.internet_gateway.id

  depends_on = [aws_internet_gateway_attachment.gateway_attachment]
}

resource "aws_route_table_association" "public_subnet_routes" {
  subnet_id      = aws_subnet.public_subnet.id
  route_table_id = aws_route_table.public_route_table.id
}

resource "aws_subnet" "private_subnet1" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = element(data.aws_availability_zones.available.names, 0)
  cidr_block        = "10.20.128.0/20"
  tags = {
    Name = "env-platform-private-1-primary"
  }
}

resource "aws_route_table" "private_route_table1" {
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route_table_association" "private_routes1" {
  subnet_id      = aws_subnet.private_subnet1.id
  route_table_id = aws_route_table.private_route_table1.id
}

resource "aws_route" "private_default_route1" {
  route_table_id         = aws_route_table.private_route_table1.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway1.id
}

resource "aws_subnet" "private_subnet2" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = element(data.aws_availability_zones.available.names, 1)
  cidr_block        = "10.20.144.0/20"
  tags = {
    Name = "env-platform-private-2"
  }
}

resource "aws_route_table" "private_route_table2" {
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route_table_association" "private_routes2" {
  subnet_id      = aws_subnet.private_subnet2.id
  route_table_id = aws_route_table.private_route_table2.id
}

resource "aws_route" "private_default_route2" {
  route_table_id         = aws_route_table.private_route_table2.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway2.id
}

resource "aws_subnet" "private_subnet3" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = element(data.aws_availability_zones.available.names, 2)
  cidr_block        = "10.20.160.0/20"
  tags = {
    Name = "env-platform-private-3-last"
  }
}

resource "aws_route_table" "private_route_table3" {
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route_table_association" "private_routes3" {
  subnet_id      = aws_subnet.private_subnet3.id
  route_table_id = aws_route_table.private_route_table3.id
}

resource "aws_route" "private_default_route3" {
  route_table_id         = aws_route_table.private_route_table3.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway1.id
}

resource "aws_eip" "nat_eip1" {
  domain = "vpc"

  depends_on = [aws_internet_gateway_attachment.gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway1" {
  allocation_id = aws_eip.nat_eip1.allocation_id
  subnet_id     = aws_subnet.public_subnet.id
}

resource "aws_eip" "nat_eip2" {
  domain = "vpc"

  depends_on = [aws_internet_gateway_attachment.gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway2" {
  allocation_id = aws_eip.nat_eip2.allocation_id
  subnet_id     = aws_subnet.public_subnet.id
}

resource "aws_cloudwatch_log_group" "flow_log_group" {
  count = local.guard1 ? 1 : 0

  name              = "/vpc/${var.environment_name}/flow-logs"
  retention_in_days = 90
}

resource "aws_iam_role" "flow_log_role" {
  count = local.guard1 ? 1 : 0

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "vpc-flow-logs.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  inline_policy {
    name = "flow-logs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = "${aws_cloudwatch_log_group.flow_log_group[0].arn}:*"
        },
      ]
    })
  }
}

resource "awscc_ec2_flow_log" "flow_log" {
  count = local.guard1 ? 1 : 0

  resource_id                 = aws_vpc.vpc.id
  resource_type               = "VPC"
  traffic_type                = "ALL"
  log_group_name              = aws_cloudwatch_log_group.flow_log_group[0].name
  deliver_logs_permission_arn = aws_iam_role.flow_log_role[0].arn
}

resource "aws_ecs_cluster" "cluster" {
  name = "env-platform"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_security_group" "service_security_group" {
  description = "Services in ${var.environment_name}; subnets 10.20.128.0/20, 10.20.144.0/20, 10.20.160.0/20"
  vpc_id      = aws_vpc.vpc.id
}

resource "awscc_ec2_launch_template" "bastion_launch_template" {
  launch_template_data = {
    instance_type      = "t3.micro"
    image_id           = data.aws_ssm_parameter.aws_service_ami_amazon_linux_latest_al2023_ami_kernel_default_x86_64.value
    security_group_ids = [aws_security_group.service_security_group.id]
  }
}

resource "awscc_rds_db_subnet_group" "database_subnets" {
  count = local.guard2 ? 1 : 0

  db_subnet_group_description = "Aurora subnets for ${var.environment_name}"
  subnet_ids                  = [aws_subnet.private_subnet1.id, aws_subnet.private_subnet2.id, aws_subnet.private_subnet3.id]
}

resource "awscc_rds_db_cluster" "database" {
  count = local.guard2 ? 1 : 0

  engine               = "aurora-postgresql"
  db_subnet_group_name = awscc_rds_db_subnet_group.database_subnets[0].id
  master_username      = "platform_admin"
  master_user_password = jsondecode(data.aws_secretsmanager_secret_version.platform_aurora.secret_string)["password"]
  storage_encrypted    = true
}
