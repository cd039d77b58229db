package dev.weft.engine.fingerprint;

import com.google.common.collect.ImmutableList;
import dev.weft.engine.fingerprint.ClassSummary.Callee;
import dev.weft.engine.fingerprint.ClassSummary.CalleeKind;
import dev.weft.engine.fingerprint.ClassSummary.LambdaSite;
import dev.weft.engine.fingerprint.ClassSummary.MethodSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;
import org.jspecify.annotations.Nullable;

/**
 * Hashes one method symbolically as ASM walks its code, and collects the references the closure
 * may follow.
 *
 * <p>What is hashed: the access flags, the (normalized) name and the descriptor; each
 * instruction's opcode with its operands as values — constants by type and value (never by
 * constant-pool index), member references by owner, name and descriptor, type operands by name,
 * local variable slots, increments, array dimensions; branch targets, switch tables and
 * try/catch blocks by label ordinals (the order in which labels are first met); and the
 * bootstrap method and arguments of every {@code invokedynamic}. Class and lambda names pass
 * through {@link SymbolicNames}.
 *
 * <p>What is not: line numbers, local variable names and generic types, parameter names, stack
 * map frames, max stack and locals (all derived from the code or debug-only), annotations and
 * attributes other than {@code Code}. Debug attributes are also skipped when reading
 * ({@code ClassReader.SKIP_DEBUG}); this visitor ignores them as well, as a second guard.
 */
final class BodyHasher extends MethodVisitor {

  // Tags for what is not an instruction, below every opcode (opcodes are 0..255).
  private static final int HEADER = -1;
  private static final int LABEL = -2;
  private static final int TRY_CATCH = -3;
  private static final int ABSENT = -4;

  private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

  private final Tokens tokens = new Tokens();
  private final Map<Label, Integer> labels = new HashMap<>();
  private final ImmutableList.Builder<Callee> callees = ImmutableList.builder();
  private final List<LambdaSite> lambdaSites;
  private final String name;
  private final String descriptor;
  private final int access;

  /** A hasher for one method; lambda call sites it meets are added to {@code lambdaSites}. */
  BodyHasher(int access, String name, String descriptor, List<LambdaSite> lambdaSites) {
    super(OpenedClassReader.ASM_API);
    this.access = access & 0xFFFF; // ASM's pseudo-flags (deprecated, record) lie above.
    this.name = name;
    this.descriptor = descriptor;
    this.lambdaSites = lambdaSites;
    tokens.putInt(HEADER).putInt(this.access);
    tokens.putString(SymbolicNames.method(name));
    tokens.putString(SymbolicNames.type(descriptor));
  }

  /** The summary of the method visited so far; call after {@code visitEnd}. */
  MethodSummary summary() {
    return new MethodSummary(name, descriptor, access, tokens.hash(), callees.build());
  }

  @Override
  public void visitInsn(int opcode) {
    tokens.putInt(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    tokens.putInt(opcode).putInt(operand);
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    tokens.putInt(opcode).putInt(slot);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    tokens.putInt(opcode);
    tokens.putString(SymbolicNames.type(type));
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
    tokens.putInt(opcode);
    member(owner, field, fieldDescriptor);
    if (opcode == Opcodes.GETSTATIC) {
      callees.add(new Callee(CalleeKind.CLASS_INIT, owner, "<clinit>", "()V"));
    } else if (opcode == Opcodes.GETFIELD) {
      callees.add(new Callee(CalleeKind.CONSTRUCTORS, owner, "<init>", ""));
    }
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
    tokens.putInt(opcode).putBoolean(isInterface);
    member(owner, method, methodDescriptor);
    callees.add(new Callee(CalleeKind.METHOD, owner, method, methodDescriptor));
  }

  @Override
  public void visitInvokeDynamicInsn(
      String method, String callSite, Handle bootstrap, Object... arguments) {
    tokens.putInt(Opcodes.INVOKEDYNAMIC);
    tokens.putString(SymbolicNames.method(method));
    tokens.putString(SymbolicNames.type(callSite));
    constant(bootstrap);
    tokens.putInt(arguments.length);
    for (Object argument : arguments) {
      constant(argument);
    }
    if (bootstrap.getOwner().equals(LAMBDA_METAFACTORY)
        && arguments.length >= 2
        && arguments[1] instanceof Handle handle) {
      Callee implementation = reference(handle);
      if (implementation != null) {
        lambdaSites.add(new LambdaSite(method, callSite, implementation));
      }
    }
  }

  @Override
  public void visitJumpInsn(int opcode, Label target) {
    tokens.putInt(opcode).putInt(ordinal(target));
  }

  @Override
  public void visitLabel(Label label) {
    tokens.putInt(LABEL).putInt(ordinal(label));
  }

  @Override
  public void visitLdcInsn(Object value) {
    tokens.putInt(Opcodes.LDC);
    constant(value);
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    tokens.putInt(Opcodes.IINC).putInt(slot).putInt(increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label otherwise, Label... targets) {
    tokens.putInt(Opcodes.TABLESWITCH).putInt(min).putInt(max).putInt(ordinal(otherwise));
    for (Label target : targets) {
      tokens.putInt(ordinal(target));
    }
  }

  @Override
  public void visitLookupSwitchInsn(Label otherwise, int[] keys, Label[] targets) {
    tokens.putInt(Opcodes.LOOKUPSWITCH).putInt(ordinal(otherwise)).putInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      tokens.putInt(keys[i]).putInt(ordinal(targets[i]));
    }
  }

  @Override
  public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
    tokens.putInt(Opcodes.MULTIANEWARRAY).putInt(dimensions);
    tokens.putString(SymbolicNames.type(arrayDescriptor));
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
    tokens.putInt(TRY_CATCH).putInt(ordinal(start)).putInt(ordinal(end)).putInt(ordinal(handler));
    if (type == null) {
      tokens.putInt(ABSENT); // a finally block: catches everything
    } else {
      tokens.putString(SymbolicNames.type(type));
    }
  }

  // Labels are numbered in the order the walk first meets them, as a target or in place, which
  // depends on the code alone: ASM creates them from offsets, never from constant-pool indexes.
  private int ordinal(Label label) {
    return labels.computeIfAbsent(label, unused -> labels.size());
  }

  // Constants of ldc and of bootstrap arguments, tagged by type so that 1 and 1L and "1" differ.
  private void constant(Object value) {
    if (value instanceof Integer i) {
      tokens.putChar('I').putInt(i);
    } else if (value instanceof Long l) {
      tokens.putChar('J').putLong(l);
    } else if (value instanceof Float f) {
      tokens.putChar('F').putInt(Float.floatToRawIntBits(f));
    } else if (value instanceof Double d) {
      tokens.putChar('D').putLong(Double.doubleToRawLongBits(d));
    } else if (value instanceof String s) {
      tokens.putChar('S');
      tokens.putString(s);
    } else if (value instanceof Type t) {
      tokens.putChar('T').putInt(t.getSort());
      tokens.putString(SymbolicNames.type(t.getDescriptor()));
    } else if (value instanceof Handle h) {
      tokens.putChar('H').putInt(h.getTag()).putBoolean(h.isInterface());
      member(h.getOwner(), h.getName(), h.getDesc());
      Callee target = reference(h);
      if (target != null) {
        callees.add(target);
      }
    } else if (value instanceof ConstantDynamic c) {
      tokens.putChar('C');
      tokens.putString(c.getName());
      tokens.putString(SymbolicNames.type(c.getDescriptor()));
      constant(c.getBootstrapMethod());
      tokens.putInt(c.getBootstrapMethodArgumentCount());
      for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
        constant(c.getBootstrapMethodArgument(i));
      }
    } else { // ASM has no other constant types; should one appear, its type still counts
      tokens.putChar('?').putString(value.getClass().getName());
    }
  }

  // What a method handle constant leads to, as the instruction it stands for would.
  private static @Nullable Callee reference(Handle handle) {
    switch (handle.getTag()) {
      case Opcodes.H_PUTFIELD:
      case Opcodes.H_PUTSTATIC:
        return null;
      case Opcodes.H_GETSTATIC:
        return new Callee(CalleeKind.CLASS_INIT, handle.getOwner(), "<clinit>", "()V");
      case Opcodes.H_GETFIELD:
        return new Callee(CalleeKind.CONSTRUCTORS, handle.getOwner(), "<init>", "");
      default:
        return new Callee(
            CalleeKind.METHOD, handle.getOwner(), handle.getName(), handle.getDesc());
    }
  }

  private void member(String owner, String member, String memberDescriptor) {
    tokens.putString(SymbolicNames.type(owner));
    tokens.putString(SymbolicNames.method(member));
    tokens.putString(SymbolicNames.type(memberDescriptor));
  }
}
