package io.reasoner.worker.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.reasoner.protocol.ControlCommand;
import io.reasoner.protocol.EventCodec;

/** Every worker reads every control command (its own consumer group) and remembers the cancellations. */
public class ControlListener {

    private final CancellationRegistry cancellations;
    private final EventCodec codec;

    public ControlListener(CancellationRegistry cancellations, EventCodec codec) {
        this.cancellations = cancellations;
        this.codec = codec;
    }

    @KafkaListener(id = "worker-control", groupId = "worker-control-#{@workerId}", topics = "reasoning.control",
            properties = {"auto.offset.reset=latest"})
    void onCommand(ConsumerRecord<String, byte[]> record) {
        ControlCommand command = codec.decode(record.value(), ControlCommand.class);
        if (command.action() == ControlCommand.Action.CANCEL) {
            cancellations.cancel(command.requestId());
        }
    }
}
