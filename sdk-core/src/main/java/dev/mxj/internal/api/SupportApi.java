package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;

/** {@code GET /.well-known/matrix/support} answer. */
public record SupportApi(@Json(name = "contacts") List<Contact> contacts,
                         @Json(name = "support_page") String supportPage) {

    /** One contact; {@code role} is required, and one of the two addresses. */
    public record Contact(@Json(name = "role") String role,
                          @Json(name = "matrix_id") String matrixId,
                          @Json(name = "email_address") String emailAddress) {
    }
}
