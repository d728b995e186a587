package io.reasoner.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The repository's files as the checks read them: YAML parsed strictly, JSON schemas from the test resources. */
final class RepoFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private RepoFiles() {
    }

    /** The repository root: surefire passes it as {@code reasoner.root}; the module folder is two below it. */
    static Path root() {
        String root = System.getProperty("reasoner.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        if (!Files.isRegularFile(path.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("repository root not found at " + path.toAbsolutePath());
        }
        return path.toAbsolutePath().normalize();
    }

    /** Every YAML document of {@code text}, empty ones dropped; duplicate keys are an error, merge keys resolved. */
    static List<JsonNode> yamlDocuments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }

    static JsonNode yamlFile(Path file) {
        List<JsonNode> docs = yamlDocuments(read(file));
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " should hold one YAML document, has " + docs.size());
        }
        return docs.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema in test resource {@code schemas/<resource>}, read as {@code version} whatever its {@code $schema}
     * says (the Compose schema declares 2019-09 but is written, and checked by docker-compose, as draft 4). Its
     * {@code "id": "#/definitions/..."} members are labels, not resolvable ids, and are dropped.
     */
    static JsonSchema schema(String resource, SpecVersion.VersionFlag version) {
        try (InputStream in = RepoFiles.class.getResourceAsStream("/schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource);
            }
            JsonNode schema = JSON.readTree(in);
            ((ObjectNode) schema).remove("$schema");
            dropIdLabels(schema);
            // Formats are annotations only: the Compose schema's "duration" means Go durations (5s), not ISO 8601.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            return JsonSchemaFactory.getInstance(version).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropIdLabels(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(RepoFiles::dropIdLabels);
    }

    /** The schema's complaints about {@code node}, each prefixed with {@code where}. */
    static List<String> violations(JsonSchema schema, JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage message : schema.validate(node)) {
            out.add(where + ": " + message.getMessage());
        }
        return out;
    }
}
