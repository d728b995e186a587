package io.reasoner.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of {@code GET /v1/models}, in OpenAI's list shape. */
@JsonPropertyOrder({"object", "data"})
record ModelList(List<Entry> data) {

    /** Every model is served by this platform's workers. */
    static final String OWNER = "reasoner";

    @JsonProperty("object")
    String object() {
        return "list";
    }

    static ModelList of(List<ModelCatalog.ServedModel> models) {
        return new ModelList(models.stream().map(Entry::of).toList());
    }

    /** One model; {@code created} is when this gateway first saw a worker serve it, in epoch seconds. */
    @JsonPropertyOrder({"id", "object", "created", "owned_by"})
    record Entry(String id, long created, @JsonProperty("owned_by") String ownedBy) {

        @JsonProperty("object")
        String object() {
            return "model";
        }

        static Entry of(ModelCatalog.ServedModel model) {
            return new Entry(model.id(), model.firstSeenMs() / 1000, OWNER);
        }
    }
}
