package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * The Jetty server Spark makes when the application does not bring its own factory. Spark's own ({@code JettyServer})
 * is not public; these are its defaults, the same from Spark 2.6 to 2.9.
 */
final class SparkDefaultJettyServerFactory implements JettyServerFactory {

  @Override
  public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
    if (maxThreads <= 0) {
      return new Server();
    }
    return new Server(new QueuedThreadPool(
        maxThreads, minThreads > 0 ? minThreads : 8, threadTimeoutMillis > 0 ? threadTimeoutMillis : 60_000));
  }

  @Override
  public Server create(ThreadPool threadPool) {
    return threadPool != null ? new Server(threadPool) : new Server();
  }
}
