package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The official OPDS schemas from ../shared/schemas (see its SOURCES.md): OPDS 1.2 RELAX NG (the
 * patched opds.rnc, with atom.rnc) through Jing, OPDS 2.0 and Readium JSON Schemas through
 * networknt. Conformance tests are skipped, with a message, when that folder is absent.
 */
public final class OpdsSchemas {
    private static final Path DIR = Path.of(System.getProperty("longbox.schemas", "../shared/schemas")).toAbsolutePath().normalize();
    private static final Map<String, JsonSchema> JSON_SCHEMAS = new ConcurrentHashMap<>();

    private OpdsSchemas() {
    }

    public static boolean present() {
        return Files.isRegularFile(DIR.resolve("opds1.2/opds.rnc"));
    }

    public static void assumePresent() {
        Assumptions.assumeTrue(present(), "OPDS schemas not found in " + DIR + ": conformance checks skipped (set -Dlongbox.schemas=<dir>)");
    }

    /**
     * Errors of an OPDS 1.2 document against opds.rnc. The documented exception: the Page
     * Streaming Extension requires the URI template {pageNumber} (and {maxWidth}) in its href,
     * which the RNC's URI pattern forbids, so those two placeholders are filled before validating.
     */
    public static List<String> atomErrors(String xml) {
        String filled = xml.replace("{pageNumber}", "0").replace("{maxWidth}", "1200");
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(ValidationDriver.fileInputSource(DIR.resolve("opds1.2/opds.rnc").toFile()))) {
                throw new IllegalStateException("opds.rnc did not load: " + errors);
            }
            driver.validate(new InputSource(new StringReader(filled)));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }

    /** Errors of a JSON document against the schema with this $id (e.g. https://specs.opds.io/schema/feed.schema.json). */
    public static List<String> jsonErrors(String schemaId, JsonNode document) {
        JsonSchema schema = JSON_SCHEMAS.computeIfAbsent(schemaId, id -> {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.schemaMappers(m -> m
                    .mapPrefix("https://specs.opds.io/schema/", DIR.resolve("opds2/specs").toUri().toString())
                    .mapPrefix("https://drafts.opds.io/schema/", DIR.resolve("opds2/drafts").toUri().toString())
                    .mapPrefix("https://readium.org/webpub-manifest/schema/", DIR.resolve("opds2/webpub-manifest").toUri().toString())));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).preloadJsonSchema(false).build();
            return factory.getSchema(SchemaLocation.of(id), config);
        });
        return schema.validate(document).stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
    }
}
