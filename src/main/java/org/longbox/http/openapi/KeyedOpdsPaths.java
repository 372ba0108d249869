package org.longbox.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code /opds/{api_key}/v1.2/...} and {@code /opds/{api_key}/v2.0/...} paths. They have no
 * resource methods of their own: the auth filter checks the key and {@code OpdsKeyPathFilter} cuts it
 * out before matching, so each is served by the un-keyed operation. The document shows that by
 * giving every OPDS operation its keyed twin: the same operation plus the {@code api_key} path
 * parameter, and no security scheme, since the key in the path is the only credential looked at.
 */
final class KeyedOpdsPaths {
    static final String TAG = "opds-api-key";
    static final String PARAMETER = "api_key";
    private static final Pattern OPDS = Pattern.compile("^/opds/v(?:1\\.2|2\\.0)(?:/.*)?$");

    private KeyedOpdsPaths() {
    }

    static void addTo(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        boolean added = false;
        for (Map.Entry<String, PathItem> e : List.copyOf(api.getPaths().entrySet())) {
            String path = e.getKey();
            if (!OPDS.matcher(path).matches()) {
                continue;
            }
            PathItem twin = copy(e.getValue());
            twin.readOperationsMap().forEach((method, op) -> key(op, method.name() + " " + path));
            api.getPaths().addPathItem("/opds/{" + PARAMETER + "}" + path.substring("/opds".length()), twin);
            added = true;
        }
        if (added) {
            api.addTagsItem(new Tag().name(TAG).description("The OPDS catalogs with an API key in the path, for reading "
                    + "apps that cannot send credentials. Create a key with POST /api/v1/api-keys; every link in these "
                    + "feeds keeps it."));
        }
    }

    private static void key(Operation op, String original) {
        if (op.getOperationId() != null) {
            op.setOperationId(op.getOperationId() + "_with_api_key");
        }
        op.setSummary((op.getSummary() == null ? original : op.getSummary()) + " (API key in the path)");
        op.setDescription("`" + original + "`, authenticated by the API key in the path alone: a session cookie or an "
                + "Authorization header is not looked at." + (op.getDescription() == null ? "" : "\n\n" + op.getDescription()));
        op.setTags(List.of(TAG));
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter().name(PARAMETER).in("path").required(true)
                .description("An API key, `stump_<short>_<long>`")
                .schema(new StringSchema().pattern("^stump_[^/]+$")));
        if (op.getParameters() != null) {
            parameters.addAll(op.getParameters());
        }
        op.setParameters(parameters);
        op.setSecurity(new ArrayList<>());
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        responses.remove("401");
        responses.remove("403");
        OpenApiSpec.addError(responses, "401", "The API key is unknown, wrong or expired, or its user may not use API keys");
        OpenApiSpec.addError(responses, "403", "The key's user is locked, or the key lacks a permission this needs");
        op.setResponses(sorted(responses));
    }

    /** The responses in status order, as the un-keyed operations list them. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses out = new ApiResponses();
        responses.keySet().stream().sorted().forEach(code -> out.addApiResponse(code, responses.get(code)));
        return out;
    }

    private static PathItem copy(PathItem item) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(item), PathItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot copy an OPDS path item", e);
        }
    }
}
