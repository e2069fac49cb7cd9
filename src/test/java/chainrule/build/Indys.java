package chainrule.build;

import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The invokedynamic call sites of a class file, counted by bootstrap method ("Owner.name"). */
final class Indys {
    private Indys() {}

    static Map<String, Integer> count(byte[] classFile) {
        Map<String, Integer> counts = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                        counts.merge(bsm.getOwner() + "." + bsm.getName(), 1, Integer::sum);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return counts;
    }
}
