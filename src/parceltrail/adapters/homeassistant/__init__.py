"""Home Assistant over MQTT (paho-mqtt): publishes what `services.homeassistant` plans, runs its commands."""
