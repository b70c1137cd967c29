package com.example.dunning.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The title and the Bearer scheme of the generated OpenAPI description. */
@Configuration
@OpenAPIDefinition(
    info =
        @Info(
            title = "Dunning API",
            version = "v1",
            description =
                "Manual resolution of dunnings, their statistics and the generic intake. Every call"
                    + " needs Authorization: Bearer <token>: scope read to read, resolve to act and"
                    + " to start dunnings. Errors are RFC 9457 problem details."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token (dunning.api.tokens); the dev stack prints its own at start-up")
class ApiDescription {}
