package org.hallsafe.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 20 item 8: the OpenAPI document is one a partner can code against. Every operation under {@code /api/v1}
 * says what it does and which errors it answers, every parameter and property is described, the refusals are
 * problem+json, the two ways to sign in are named; and each operation, called with an existing id of a fresh hall,
 * an unknown id and a broken body, answers only with a code the document lists for it.
 */
@HallSafeTest
class ApiDocumentationIssue20Test {

    private static final long UNKNOWN = 987_654_321L;

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Directory directory;

    @Test
    @SuppressWarnings("unchecked")
    void r20_8_everyOperationParameterAndPropertyIsDescribedWithItsErrorsAndSecurity() throws Exception {
        Map<String, Object> doc = apiDocs();
        Map<String, Object> info = (Map<String, Object>) doc.get("info");
        assertThat(info).containsKeys("title", "version", "description", "contact");
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
        assertThat(schemes).containsKeys(ApiDocumentation.BASIC, ApiDocumentation.DEVICE);
        assertThat(((Map<String, Object>) schemes.get(ApiDocumentation.BASIC)).get("scheme")).isEqualTo("basic");
        assertThat(((Map<String, Object>) schemes.get(ApiDocumentation.DEVICE)).get("scheme")).isEqualTo("bearer");

        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : ((Map<String, Object>) doc.get("paths")).entrySet()) {
            for (var entry : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                for (String text : List.of("summary", "description")) {
                    if (blank(op.get(text))) {
                        missing.add(name + " has no " + text);
                    }
                }
                for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    if (blank(p.get("description"))) {
                        missing.add(name + " parameter " + p.get("name") + " has no description");
                    }
                }
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                boolean documentsAnError = false;
                for (var response : responses.entrySet()) {
                    Map<String, Object> r = (Map<String, Object>) response.getValue();
                    if (blank(r.get("description"))) {
                        missing.add(name + " answer " + response.getKey() + " has no description");
                    }
                    if (response.getKey().startsWith("4")) {
                        documentsAnError = true;
                        Map<String, Object> content = (Map<String, Object>) r.get("content");
                        if (content == null || !content.containsKey("application/problem+json")) {
                            missing.add(name + " answer " + response.getKey() + " is not problem+json");
                        }
                    }
                }
                if (!documentsAnError) {
                    missing.add(name + " documents no error answer");
                }
                if (!path.getKey().contains("/public") && op.get("security") == null) {
                    missing.add(name + " names no security scheme");
                }
            }
        }
        for (var schema : ((Map<String, Object>) components.get("schemas")).entrySet()) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schema.getValue())
                    .getOrDefault("properties", Map.of());
            for (var property : properties.entrySet()) {
                if (blank(((Map<String, Object>) property.getValue()).get("description"))) {
                    missing.add("schema " + schema.getKey() + "." + property.getKey() + " has no description");
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(missing).isEmpty();
        // the refusal as ApiErrors writes it: errors name each field
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) components.get("schemas"))
                .get("ProblemDetail");
        assertThat((Map<String, Object>) problem.get("properties")).containsKeys("status", "title", "detail", "errors");
        // the signed-in account is not a parameter the caller sends
        assertThat(String.valueOf(doc.get("paths"))).doesNotContain("name=who");
    }

    @Test
    @SuppressWarnings("unchecked")
    void r20_8_eachDocumentedOperationAnswersOnlyWithADocumentedCode() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails admin = users.loadUserByUsername(accounts.create(org.hallsafe.platform.Role.BUREAU_ADMIN, hall.siteId()));
        String hallCode = directory.site(hall.siteId()).code();
        Map<String, Object> doc = apiDocs();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");

        List<Call> calls = new ArrayList<>();
        for (var path : ((Map<String, Object>) doc.get("paths")).entrySet()) {
            for (var entry : ((Map<String, Object>) path.getValue()).entrySet()) {
                calls.add(new Call(path.getKey(), HttpMethod.valueOf(entry.getKey().toUpperCase()),
                        (Map<String, Object>) entry.getValue()));
            }
        }
        // existing ids of the fresh hall, by the collection's path; what creating and listing gives adds to them
        Map<String, Object> existing = new LinkedHashMap<>();
        existing.put("/api/v1/departments", hall.sectionId());
        existing.put("/api/v1/staff", hall.staffIds().get(4));
        existing.put("/api/v1/sites", hall.siteId());
        existing.put("/api/v1/measures", "R-SCR");

        List<String> wrong = new ArrayList<>();
        int answered = 0;
        // 1. creating (example bodies from the document itself) and listing, then each id path with an existing id
        for (boolean withId : List.of(false, true)) {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET, HttpMethod.PUT)) {
                for (Call c : calls) {
                    if (c.method() != method || c.path().contains("{") != withId) {
                        continue;
                    }
                    Object id = existing.getOrDefault(collection(c.path()), UNKNOWN);
                    MockHttpServletResponse r = call(c, id, example(c.op(), schemas), admin, hallCode);
                    answered++;
                    check(c, "representative", r, wrong);
                    remember(c.path(), r, existing);
                }
            }
        }
        // 2. an unknown id, and 3. a body that is not JSON
        for (Call c : calls) {
            if (c.path().contains("{")) {
                check(c, "unknown id", call(c, UNKNOWN, example(c.op(), schemas), admin, hallCode), wrong);
                answered++;
            }
            if (c.op().containsKey("requestBody")) {
                check(c, "broken body", call(c, existing.getOrDefault(collection(c.path()), UNKNOWN), "{\"x\": ",
                        admin, hallCode), wrong);
                answered++;
            }
        }
        assertThat(answered).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    record Call(String path, HttpMethod method, Map<String, Object> op) {
    }

    @SuppressWarnings("unchecked")
    private MockHttpServletResponse call(Call c, Object id, String body, UserDetails who, String hallCode)
            throws Exception {
        String uri = c.path().replaceAll("\\{(id|code)}", String.valueOf(id)).replace("{field}", "phone");
        MockHttpServletRequestBuilder request = request(c.method(), uri).with(user(who)).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON);
        for (Map<String, Object> p : (List<Map<String, Object>>) c.op().getOrDefault("parameters", List.of())) {
            String name = (String) p.get("name");
            if (!"query".equals(p.get("in"))) {
                continue;
            }
            if ("hall".equals(name)) {
                request.param(name, hallCode);
            } else if (p.get("example") != null) {
                request.param(name, String.valueOf(p.get("example")));
            } else if (Boolean.TRUE.equals(p.get("required"))) {
                Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
                List<Object> values = (List<Object>) schema.get("enum");
                request.param(name, values != null ? String.valueOf(values.get(0)) : "110101199003070011");
            }
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @SuppressWarnings("unchecked")
    private static void check(Call c, String input, MockHttpServletResponse r, List<String> wrong) throws Exception {
        Set<String> documented = ((Map<String, Object>) c.op().get("responses")).keySet();
        String status = String.valueOf(r.getStatus());
        if (!documented.contains(status)) {
            wrong.add(c.method() + " " + c.path() + " (" + input + ") answered " + status + ", documents "
                    + new TreeSet<>(documented) + ": " + r.getContentAsString().lines().findFirst().orElse(""));
        } else if (r.getStatus() >= 400 && !String.valueOf(r.getContentType()).contains("problem+json")) {
            wrong.add(c.method() + " " + c.path() + " (" + input + ") answered " + status + " as " + r.getContentType());
        }
    }

    /** A created or listed record's id, for the operations on it. */
    private static void remember(String path, MockHttpServletResponse r, Map<String, Object> existing) throws Exception {
        if (r.getStatus() >= 300 || path.contains("{") || !String.valueOf(r.getContentType()).contains("json")) {
            return;
        }
        String json = r.getContentAsString().trim();
        Object first = null;
        if (json.startsWith("[")) {
            List<Object> list = JsonParserFactory.getJsonParser().parseList(json);
            first = list.isEmpty() || !(list.get(0) instanceof Map<?, ?> m) ? null : m.get("id");
        } else if (json.startsWith("{")) {
            first = JsonParserFactory.getJsonParser().parseMap(json).get("id");
        }
        if (first != null) {
            existing.putIfAbsent(path, first);
        }
    }

    /** {@code /api/v1/agency/cases/{id}/accept} → {@code /api/v1/agency/cases}. */
    private static String collection(String path) {
        int brace = path.indexOf("/{");
        return brace < 0 ? path : path.substring(0, brace);
    }

    /** The request body built from the document's own examples, or null when the operation takes none. */
    @SuppressWarnings("unchecked")
    private static String example(Map<String, Object> op, Map<String, Object> schemas) {
        Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        Map<String, Object> media = (Map<String, Object>) content.values().iterator().next();
        Object value = exampleOf((Map<String, Object>) media.get("schema"), schemas, 0);
        return toJson(value);
    }

    @SuppressWarnings("unchecked")
    private static Object exampleOf(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (schema == null || depth > 4) {
            return null;
        }
        if (schema.get("$ref") instanceof String ref) {
            return exampleOf((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> object = new LinkedHashMap<>();
            properties.forEach((k, v) -> object.put((String) k, exampleOf((Map<String, Object>) v, schemas, depth + 1)));
            return object;
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            Object item = exampleOf((Map<String, Object>) items, schemas, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(toJson(k) + ":" + toJson(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(ApiDocumentationIssue20Test::toJson).toList()) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private Map<String, Object> apiDocs() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(user(accounts.signedIn(org.hallsafe.platform.Role.ADMIN))))
                .andReturn().getResponse().getContentAsString();
        return JsonParserFactory.getJsonParser().parseMap(json);
    }

    private static boolean blank(Object text) {
        return text == null || String.valueOf(text).isBlank();
    }
}
