/** GET /api/audit. */
@NullMarked
package io.sessionlens.audit.web;

import org.jspecify.annotations.NullMarked;
