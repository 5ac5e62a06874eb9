package org.peerloop.runtime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * An {@link EntityManager} that stands for "the entity manager of the current JTA transaction", as
 * a container-managed persistence context does (Jakarta Persistence 3.1 §7.6.1): each transaction
 * gets its own, closed when the transaction completes. Used outside a transaction it throws {@link
 * TransactionRequiredException} instead of silently writing nothing.
 */
final class TransactionBoundEntityManager implements InvocationHandler {
  private final EntityManagerFactory factory;
  private final TransactionSynchronizationRegistry registry;
  private final Object key = new Object();

  private TransactionBoundEntityManager(
      EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
    this.factory = factory;
    this.registry = registry;
  }

  static EntityManager create(
      EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            new TransactionBoundEntityManager(factory, registry));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "toString":
        return "EntityManager of the current transaction";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      case "close":
        throw new IllegalStateException("The transaction closes this entity manager");
      default:
        break;
    }
    try {
      return method.invoke(current(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private EntityManager current() {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new TransactionRequiredException(
          "PeerLoop reads and writes the database only inside a transaction (@Transactional)");
    }
    EntityManager em = (EntityManager) registry.getResource(key);
    if (em == null) {
      // Created inside the active transaction, so it joins it (Jakarta Persistence §7.5.1).
      EntityManager created = factory.createEntityManager();
      registry.putResource(key, created);
      registry.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              created.close();
            }
          });
      em = created;
    }
    return em;
  }
}
