package org.peerloop.web.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.peerloop.runtime.DatabaseFailures;

/**
 * A failure that a {@code @Transactional} call met at commit arrives wrapped in {@link
 * TransactionalException}: a database that dropped the connection there is unavailable (503 with
 * {@code Retry-After}); anything else is answered as its cause would be. Its priority puts it
 * before the container's own mapper of the same type, which answers 500 when it finds no mapper it
 * accepts for the cause.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

  @Context Providers providers;

  @Override
  public Response toResponse(TransactionalException e) {
    if (DatabaseFailures.isUnavailable(e)) {
      return UnexpectedExceptionMapper.databaseUnavailable(e);
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    @SuppressWarnings("unchecked")
    ExceptionMapper<Throwable> mapper =
        (ExceptionMapper<Throwable>) providers.getExceptionMapper(cause.getClass());
    if (mapper == null || (Object) mapper == this) {
      return new UnexpectedExceptionMapper().toResponse(cause);
    }
    return mapper.toResponse(cause);
  }
}
