package io.reasoner.gateway.openai;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the models live workers serve. */
final class ModelsHandler {

    private final ModelCatalog catalog;

    ModelsHandler(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    ServerResponse list(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(ModelList.of(catalog.live()));
    }

    ServerResponse get(ServerRequest request) {
        String id = request.pathVariable("id");
        List<ModelCatalog.ServedModel> live = catalog.live();
        return live.stream().filter(model -> model.id().equals(id)).findFirst()
                .map(model -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(ModelList.Entry.of(model)))
                .orElseThrow(() -> new UnknownModelException(id, live.stream().map(ModelCatalog.ServedModel::id)
                        .toList()));
    }
}
