package dev.articlechat.http;

/**
 * The body of an error response, in the shape its caller reads: {@code {"error": "...", "status": 400}} on every
 * route, and on {@code /v1/*} OpenAI's {@code {"error": {"message", "type", "param", "code"}}}, since the clients
 * of an OpenAI-compatible API read {@code error.message} and branch on {@code error.type}.
 */
final class ErrorBody {

    static final String OPENAI_PREFIX = "/v1/";

    /** OpenAI's error object; {@code param} names the request field at fault, when one is. */
    record OpenAiError(Detail error) {
        record Detail(String message, String type, String param, String code) {
        }
    }

    private ErrorBody() {
    }

    /** @param path the request's path, which decides the shape */
    static Object of(String path, int status, String message) {
        return path != null && path.startsWith(OPENAI_PREFIX)
                ? openAi(status, message) : new ApiError(message, status);
    }

    static OpenAiError openAi(int status, String message) {
        return new OpenAiError(new OpenAiError.Detail(message, openAiType(status), null, openAiCode(status)));
    }

    /** The types OpenAI's own API answers with, which its client libraries map to their exception classes. */
    private static String openAiType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String openAiCode(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "invalid_api_key";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limit_exceeded";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
