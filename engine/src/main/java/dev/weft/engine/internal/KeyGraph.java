package dev.weft.engine.internal;

import com.google.common.collect.Sets;
import com.google.common.collect.UnmodifiableIterator;
import com.google.common.graph.AbstractGraph;
import com.google.common.graph.ElementOrder;
import dev.weft.engine.Key;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read-only Guava {@link com.google.common.graph.Graph} view of a flow: nodes are the keys of
 * inputs and tasks, and an edge {@code a -> b} means task {@code b} reads {@code a}'s value. It
 * stores nothing of its own; every set is a view over {@link GraphIndex}'s arrays, so that Guava's
 * graph algorithms and tests can use a flow without a second, far larger copy of it.
 */
final class KeyGraph extends AbstractGraph<Key<?>> {

  private final GraphIndex index;

  KeyGraph(GraphIndex index) {
    this.index = index;
  }

  /** The keys in node order: inputs as declared, then tasks in topological order. */
  @Override
  public Set<Key<?>> nodes() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Key<?>> iterator() {
        return index.nodes().iterator();
      }

      @Override
      public int size() {
        return index.nodes().size();
      }

      @Override
      public boolean contains(@Nullable Object o) {
        return o instanceof Key && index.indexOf((Key<?>) o) >= 0;
      }
    };
  }

  @Override
  public boolean isDirected() {
    return true;
  }

  @Override
  public boolean allowsSelfLoops() {
    return false;
  }

  @Override
  public ElementOrder<Key<?>> nodeOrder() {
    return ElementOrder.insertion();
  }

  @Override
  public Set<Key<?>> adjacentNodes(Key<?> node) {
    // A flow is acyclic, so no node is both a predecessor and a successor of another.
    return Sets.union(predecessors(node), successors(node));
  }

  @Override
  public Set<Key<?>> predecessors(Key<?> node) {
    return new Row(index.dependencies(), nodeIndex(node));
  }

  @Override
  public Set<Key<?>> successors(Key<?> node) {
    return new Row(index.dependents(), nodeIndex(node));
  }

  private int nodeIndex(Key<?> node) {
    int i = index.indexOf(node);
    if (i < 0) {
      // Guava's graphs reject unknown nodes with this exception, and callers rely on it.
      throw new IllegalArgumentException("Node " + node + " is not an element of this graph.");
    }
    return i;
  }

  /** The neighbours of one node: one row of a {@link Csr}, as keys. */
  private final class Row extends AbstractSet<Key<?>> {
    private final Csr edges;
    private final int node;

    Row(Csr edges, int node) {
      this.edges = edges;
      this.node = node;
    }

    @Override
    public Iterator<Key<?>> iterator() {
      return new UnmodifiableIterator<>() {
        private int position = edges.from(node);

        @Override
        public boolean hasNext() {
          return position < edges.to(node);
        }

        @Override
        public Key<?> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return index.nodes().get(edges.target(position++));
        }
      };
    }

    @Override
    public int size() {
      return edges.degree(node);
    }

    @Override
    public boolean contains(@Nullable Object o) {
      int other = o instanceof Key ? index.indexOf((Key<?>) o) : -1;
      for (int p = edges.from(node); p < edges.to(node) && other >= 0; p++) {
        if (edges.target(p) == other) {
          return true;
        }
      }
      return false;
    }
  }
}
