package io.opentelemetry.example.autoinstrumentation.common;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads (JDK 21 and newer) for the application's executor. This code is compiled for Java 17, so it finds
 * them at run time: on a JDK without them, asking for one is bad input.
 */
final class VirtualThreads {

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}: a new virtual thread for every task. */
  static ExecutorService perTaskExecutor() {
    try {
      return (ExecutorService) find(Executors.class, "newVirtualThreadPerTaskExecutor",
          MethodType.methodType(ExecutorService.class)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create an executor of virtual threads", e);
    }
  }

  /** Every task on a virtual thread of its own, {@code Thread.startVirtualThread(task)}, as code with no executor does. */
  static Executor startVirtualThread() {
    MethodHandle start = find(Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
    return task -> {
      try {
        start.invoke(task);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot start a virtual thread", e);
      }
    };
  }

  private static MethodHandle find(Class<?> owner, String name, MethodType type) {
    try {
      return MethodHandles.publicLookup().findStatic(owner, name, type);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return Exit.withError("virtual threads need JDK 21 or newer; this is JDK " + Runtime.version().feature());
    }
  }

  private VirtualThreads() {}
}
