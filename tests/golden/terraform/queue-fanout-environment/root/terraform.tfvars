environment_env = {
  topic_name = "order-events"
  fifo       = false
}
