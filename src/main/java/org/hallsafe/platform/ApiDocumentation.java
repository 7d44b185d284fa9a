package org.hallsafe.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The API's OpenAPI document as a partner codes against it (issue 20 item 8), in one place: the title and contact,
 * the two ways to sign in (HTTP Basic for accounts, {@code Bearer} for the gate tablets' device tokens), the
 * {@code ProblemDetail} every refusal answers with ({@link ApiErrors}: {@code errors} names each field), and for each
 * operation under {@code /api/v1} the answers it really gives: 400 and 409 as {@code application/problem+json}, 401
 * and 403 unless it is public, 404 where it looks a record or a hall up, 429 where {@link RateLimits} guards it.
 *
 * <p>Texts: an {@code @Operation}, {@code @Parameter} or {@code @Schema} on the code wins; what it leaves blank comes
 * from {@code openapi/descriptions.properties} (Chinese first, then English): {@code op.<method>.<path>.summary},
 * {@code .description}, {@code .status} (the success code when not 200), {@code .errors} (extra codes),
 * {@code param.<name>}, {@code field.<Schema>.<name>} or else {@code field.<name>}, and {@code example.…} alike.
 * {@code R20ApiDocumentationTest} fails when an operation, parameter or property is left without a text.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "application/problem+json";
    static final String BASIC = "basic";
    static final String DEVICE = "deviceToken";

    static {
        // the signed-in account is resolved from the request, never sent by the caller
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(SignedIn.class);
    }

    @Bean
    OpenAPI hallSafeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("HallSafe API · 安心大厅接口").version("v1")
                        .description("""
                                政务服务大厅疫情防控平台的接口：入口测温登记、预约、代办、通知、组织架构、领导小组总览。
                                账号用 HTTP Basic 登录（入口平板用设备令牌 Bearer）；每个账号只看到、只改动自己大厅的记录，\
                                别的大厅的编号答 404。拒绝的请求一律答 application/problem+json，errors 按字段给出原因\
                                （语言跟随 Accept-Language）。带 submissionId 的提交可以放心重试：同一编号只记一次。

                                The API of HallSafe, the epidemic-prevention platform of a government service hall: the \
                                gate, bookings, agency cases, notices, the organization, the leaders' overview. Accounts \
                                sign in with HTTP Basic (gate tablets with their device token as Bearer); an account sees \
                                and changes only its own hall's records, another hall's ids answer 404. Every refusal is \
                                application/problem+json whose `errors` name each field (in the Accept-Language). A \
                                submission with a submissionId may be retried safely: the same id is stored once.""")
                        .contact(new Contact().name("HallSafe 运维组 · operations").email("hallsafe-ops@example.gov.cn")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("账号和密码 · the account's user name and password"))
                        .addSecuritySchemes(DEVICE, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("入口平板的设备令牌（管理员在设备页生成）· a gate tablet's "
                                        + "device token, made by the hall's administrator")));
    }

    @Bean
    OpenApiCustomizer hallSafeOperations() {
        Properties texts = texts();
        return api -> {
            // added here, after springdoc copied the bean: its copy cannot read a map schema back
            api.getComponents().addSchemas("ProblemDetail", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> document(texts, path, method, op)));
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().forEach((name, schema) -> describe(texts, name, schema));
            }
        };
    }

    private static void document(Properties texts, String path, PathItem.HttpMethod method, Operation op) {
        String key = "op." + method.name().toLowerCase() + "." + path;
        String summary = texts.getProperty(key + ".summary");
        if (summary != null) {
            op.setSummary(op.getSummary() == null ? summary : summary + " · " + op.getSummary());
        }
        if (op.getDescription() == null) {
            op.setDescription(texts.getProperty(key + ".description"));
        }
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getDescription() == null) {
                    p.setDescription(texts.getProperty("param." + p.getName()));
                }
                String example = texts.getProperty("example." + p.getName());
                if (p.getExample() == null && example != null) {
                    p.setExample(example);
                }
            }
        }
        boolean open = path.contains("/public");
        boolean takesInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        String success = texts.getProperty(key + ".status", "200");
        ApiResponse ok = responses.remove("200");
        if (ok == null) {
            ok = new ApiResponse();
        }
        if ("204".equals(success)) {
            ok.setContent(null);
        }
        ok.setDescription(texts.getProperty("status." + success));
        ApiResponses ordered = new ApiResponses();
        ordered.addApiResponse(success, ok);
        List<String> codes = new java.util.ArrayList<>();
        if (takesInput) {
            codes.add("400");
        }
        if (!open) {
            codes.add("401");
            codes.add("403");
        }
        // a record or a hall looked up: an id in the path, the hall's code, or an id the body or a parameter refers to
        if (path.contains("{") || op.getRequestBody() != null || (op.getParameters() != null && op.getParameters()
                .stream().anyMatch(p -> "hall".equals(p.getName()) || p.getName().endsWith("Id")))) {
            codes.add("404");
        }
        if (op.getRequestBody() != null && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)) {
            codes.add("409");
        }
        for (String extra : texts.getProperty(key + ".errors", "").split(",")) {
            if (!extra.isBlank() && !codes.contains(extra.trim())) {
                codes.add(extra.trim());
            }
        }
        codes.stream().sorted().forEach(code -> ordered.addApiResponse(code, problem(texts, code)));
        responses.forEach((code, r) -> ordered.putIfAbsent(code, r));
        op.setResponses(ordered);
        op.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(DEVICE)));
    }

    private static ApiResponse problem(Properties texts, String code) {
        return new ApiResponse().description(texts.getProperty("status." + code)).content(new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }

    private static void describe(Properties texts, String name, Schema<?> schema) {
        if (schema.getDescription() == null) {
            schema.setDescription(texts.getProperty("schema." + name));
        }
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((field, property) -> {
            if (property.getDescription() == null) {
                property.setDescription(texts.getProperty("field." + name + "." + field,
                        texts.getProperty("field." + field)));
            }
            String example = texts.getProperty("example." + name + "." + field, texts.getProperty("example." + field));
            if (property.getExample() == null) {
                Object value = example == null ? null : typed(property, example);
                if (value == null && property.getEnum() != null && !property.getEnum().isEmpty()) {
                    value = property.getEnum().get(0);
                }
                if (value != null) {
                    property.setExample(value);
                }
            }
        });
    }

    /** An example in the property's own type, or null where the text does not fit it (left to the schema). */
    private static Object typed(Schema<?> property, String example) {
        String type = property.getType() != null ? property.getType()
                : property.getTypes() != null && !property.getTypes().isEmpty() ? property.getTypes().iterator().next() : "";
        try {
            return switch (type) {
                case "integer" -> Long.valueOf(example);
                case "number" -> new BigDecimal(example);
                case "boolean" -> Boolean.valueOf(example);
                case "string" -> example;
                case "array" -> List.of(example.split("\\s*,\\s*"));
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The body of every refusal, as {@link ApiErrors} writes it. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("问题类型 · the problem type (about:blank)")
                .example("about:blank"));
        properties.put("title", new StringSchema().description("简短标题 · a short title").example("Invalid input"));
        properties.put("status", new IntegerSchema().description("HTTP 状态码 · the HTTP status").example(400));
        properties.put("detail", new StringSchema().description("说明 · what went wrong, in the caller's language")
                .example("The input has errors."));
        properties.put("instance", new StringSchema().description("请求的路径 · the path asked").example(
                "/api/v1/screening/screenings"));
        properties.put("errors", new MapSchema().additionalProperties(new StringSchema())
                .description("每个被拒绝的字段及其原因（400、409）· each refused field with its reason (400, 409); "
                        + "a nested field is named with dots, an item of a list with [index]")
                .example(Map.of("temperature", "请输入 34.0 到 43.0 之间的体温")));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.description("RFC 9457 问题详情 · an RFC 9457 problem detail");
        return problem;
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("openapi/descriptions.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
