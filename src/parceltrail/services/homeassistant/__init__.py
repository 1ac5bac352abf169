"""Home Assistant: the parcels of one account as MQTT-discovered entities, and commands back from it."""
