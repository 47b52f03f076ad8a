using Mono.Cecil;
using Mono.Cecil.Cil;

namespace EarlyExitBench.Tests.Architecture;

/// <summary>
/// The types a compiled type names, read with Cecil: its base type, interfaces, attributes, fields, properties, method
/// signatures and locals, and every operand of every instruction, with generic arguments and element types expanded and
/// nested types reported as their outermost declaring type (which carries the namespace). The stage-order and
/// torch-free checks both walk this.
/// </summary>
internal static class IlReferences
{
    /// <summary>Every type <paramref name="type"/> names, as outermost types.</summary>
    public static IEnumerable<TypeReference> Of(TypeDefinition type)
    {
        IEnumerable<TypeReference> refs = type.BaseType is null ? [] : [type.BaseType];
        refs = refs.Concat(type.Interfaces.Select(i => i.InterfaceType))
            .Concat(type.Fields.Select(f => f.FieldType))
            .Concat(type.Properties.Select(p => p.PropertyType))
            .Concat(type.CustomAttributes.Select(a => a.AttributeType));
        foreach (var method in type.Methods)
        {
            refs = refs.Append(method.ReturnType).Concat(method.Parameters.Select(p => p.ParameterType));
            if (method.HasBody)
            {
                refs = refs.Concat(method.Body.Variables.Select(v => v.VariableType)).Concat(method.Body.Instructions.SelectMany(Operands));
            }
        }

        return refs.SelectMany(Expand).Select(OuterMost);
    }

    /// <summary>The outermost declaring type: a nested type (torch.nn.Module) has an empty namespace of its own.</summary>
    public static TypeReference OuterMost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Operands(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => new[] { m.DeclaringType, m.ReturnType }.Concat(m.Parameters.Select(p => p.ParameterType))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments : []),
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    /// <summary>A type and the types inside it: generic arguments, array and by-ref element types.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
            {
                yield return argument;
            }
        }

        if (type is TypeSpecification { ElementType: { } element } && element != type)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }
    }
}
