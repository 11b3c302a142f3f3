output "VpcId" {
  value = aws_vpc.this.id
}

output "PrivateSubnetIds" {
  # Proton outputs are strings: join the list.
  value = join(",", aws_subnet.private[*].id)
}
