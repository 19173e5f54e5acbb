/**
 * Loads the demo sessions on the first start: the only product code that calls the generator of the
 * {@code sessionlens-demo-data} module (decision record 009).
 */
@NullMarked
package io.sessionlens.demo;

import org.jspecify.annotations.NullMarked;
