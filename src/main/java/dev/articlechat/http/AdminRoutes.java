package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds the admin routes when an admin token is configured; without one they do not exist (404). */
final class AdminRoutes {

    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);

    private AdminRoutes() {
    }

    static void install(JavalinConfig config, Operations operations, StrictJson json) {
        if (!operations.adminEnabled()) {
            log.info("Admin routes are off: no admin token is configured (--admin-token or ADMIN_TOKEN)");
            return;
        }
        AdminController admin = new AdminController(operations.reindex(), operations.adminToken());
        config.routes.before("/admin/*", admin::authorize);
        config.routes.post("/admin/reindex", admin::startReindex);
        config.routes.get("/admin/reindex", admin::reindexStatus);
        if (operations.articles() != null) {
            AdminArticlesController articles = new AdminArticlesController(operations.articles(), json);
            config.routes.post("/admin/articles", articles::add);
            config.routes.delete("/admin/articles/{id}", articles::remove);
        }
        log.info("Admin routes are on: POST and GET /admin/reindex{}, with the admin token",
                operations.articles() != null ? ", POST /admin/articles and DELETE /admin/articles/{id}" : "");
    }
}
