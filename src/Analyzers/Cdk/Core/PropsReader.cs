using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>One property set on a props object: <c>BucketName = "x"</c> in an initializer or <c>props.BucketName = "x";</c>.</summary>
    internal readonly struct PropAssignment
    {
        public PropAssignment(IPropertySymbol property, ISimpleAssignmentOperation assignment)
        {
            Property = property;
            Assignment = assignment;
        }

        public IPropertySymbol Property { get; }

        public string Name => Property.Name;

        /// <summary>The assignment: inside an object initializer, or a statement <c>local.X = value;</c>.</summary>
        public ISimpleAssignmentOperation Assignment { get; }

        public IOperation Value => Assignment.Value;

        public bool InInitializer => Assignment.Parent is IObjectOrCollectionInitializerOperation;
    }

    /// <summary>What is known about a props object: the properties it sets, and whether that list is the whole story.</summary>
    internal sealed class PropsView
    {
        public static readonly PropsView Unknown = new(null, ImmutableArray<PropAssignment>.Empty, isComplete: false);

        /// <summary>No props passed at all: every property is at CDK's default.</summary>
        public static readonly PropsView None = new(null, ImmutableArray<PropAssignment>.Empty, isComplete: true);

        public PropsView(ITypeSymbol? type, ImmutableArray<PropAssignment> assignments, bool isComplete)
        {
            Type = type;
            Assignments = assignments;
            IsComplete = isComplete;
        }

        /// <summary>The props object's type (BucketProps, a derived props class, …); null when unknown or absent.</summary>
        public ITypeSymbol? Type { get; }

        public ImmutableArray<PropAssignment> Assignments { get; }

        /// <summary>
        /// True when every assignment to the props object was seen. "Missing setting" rules report only then: props
        /// from a parameter, a field, another file or a conditional may set anything.
        /// </summary>
        public bool IsComplete { get; }

        /// <summary>The last assignment of the property named <paramref name="name"/>, if any was seen.</summary>
        public bool TryGet(string name, out PropAssignment assignment)
        {
            for (var i = Assignments.Length - 1; i >= 0; i--)
            {
                if (Assignments[i].Name == name)
                {
                    assignment = Assignments[i];
                    return true;
                }
            }

            assignment = default;
            return false;
        }

        public IOperation? ValueOf(string name) => TryGet(name, out var a) ? a.Value : null;

        /// <summary>True when the property is set (to anything), or when the view is incomplete and it might be.</summary>
        public bool MaySet(string name) => !IsComplete || TryGet(name, out _);
    }

    /// <summary>
    /// Reads a props object in every shape CDK apps write it: an inline initializer, a local built first (with later
    /// <c>props.X = …</c> statements), a private helper in the same file that returns the props, derived props classes.
    /// Nested props (<c>DeployOptions = new StageOptions { … }</c>) are read the same way.
    /// </summary>
    internal static class PropsReader
    {
        private const int MaxDepth = 4;

        /// <summary>
        /// Every "missing setting" rule reads the props of the same creations: the view is computed once per props
        /// operation and shared (the analyzer driver hands every analyzer the same operation tree).
        /// </summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, PropsView> CreationCache = new();

        public static PropsView Read(ConstructCreation creation, CancellationToken cancellationToken)
        {
            if (creation.PropsArgument is not { } props)
            {
                return PropsView.None;
            }

            if (CreationCache.TryGetValue(props, out var cached))
            {
                return cached;
            }

            return CreationCache.GetValue(props, p => Read(p, cancellationToken));
        }

        public static PropsView Read(IOperation? value, CancellationToken cancellationToken)
            => Read(value, value?.Syntax.SpanStart ?? 0, 0, cancellationToken);

        /// <summary>
        /// The props object an assignment writes to, with every other assignment to it: the object initializer it sits
        /// in, plus the <c>local.X = …</c> statements when that object is held in a local (and the reverse).
        /// </summary>
        public static PropsView ReadObjectOf(ISimpleAssignmentOperation assignment, CancellationToken cancellationToken)
        {
            switch (assignment.Parent)
            {
                case IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation }:
                    // `var props = new XProps { … };` → read through the local to see later statements too.
                    if (creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        return ReadLocalSymbol(declarator.Symbol, creation, int.MaxValue, 0, cancellationToken);
                    }

                    return Read(creation, cancellationToken);
                case IExpressionStatementOperation when assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local }:
                    return ReadLocalSymbol(local.Local, local, int.MaxValue, 0, cancellationToken);
                default:
                    return PropsView.Unknown;
            }
        }

        private static PropsView Read(IOperation? value, int usePosition, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            value = ConstructCreation.Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return PropsView.Unknown;
            }

            switch (value)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    return PropsView.None;
                case IObjectCreationOperation creation:
                    return new PropsView(creation.Type, ReadInitializer(creation.Initializer), isComplete: true);
                case ILocalReferenceOperation local:
                    return ReadLocal(local, usePosition, depth, cancellationToken);
                case IInvocationOperation invocation:
                    return ReadHelper(invocation, depth, cancellationToken);
                default:
                    return PropsView.Unknown;
            }
        }

        private static ImmutableArray<PropAssignment> ReadInitializer(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return ImmutableArray<PropAssignment>.Empty;
            }

            // Counted first so that the array is allocated once, at its final size, and handed over without a copy.
            var count = 0;
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation })
                {
                    count++;
                }
            }

            if (count == 0)
            {
                return ImmutableArray<PropAssignment>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<PropAssignment>(count);
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    builder.Add(new PropAssignment(target.Property, assignment));
                }
            }

            return builder.MoveToImmutable();
        }

        private static PropsView ReadLocal(ILocalReferenceOperation reference, int usePosition, int depth, CancellationToken cancellationToken)
            => ReadLocalSymbol(reference.Local, reference, usePosition, depth, cancellationToken);

        private static PropsView ReadLocalSymbol(ILocalSymbol local, IOperation anywhereInBody, int usePosition, int depth, CancellationToken cancellationToken)
        {
            var root = OperationTree.Root(anywhereInBody);
            PropsView? initial = null;
            IOperation? declaringBlock = null;
            var complete = true;
            ImmutableArray<PropAssignment>.Builder? later = null;
            foreach (var op in OperationTree.Descendants(root))
            {
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var init = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        initial = init is null ? null : Read(init, usePosition, depth + 1, cancellationToken);
                        declaringBlock = OperationTree.EnclosingBlock(declarator);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assign
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        // Reassigned: which object reaches the construct depends on control flow.
                        if (initial is null && assign.Syntax.SpanStart < usePosition)
                        {
                            initial = Read(assign.Value, usePosition, depth + 1, cancellationToken);
                        }
                        else
                        {
                            complete = false;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } property } assign
                        when SymbolEqualityComparer.Default.Equals(instance.Local, local):
                        if (assign.Syntax.SpanStart < usePosition)
                        {
                            if (assign.Parent is not IExpressionStatementOperation statement || statement.Parent != declaringBlock)
                            {
                                complete = false;
                            }

                            (later ??= ImmutableArray.CreateBuilder<PropAssignment>()).Add(new PropAssignment(property.Property, assign));
                        }

                        break;
                    case IArgumentOperation { Value: var argValue } argument when ConstructCreation.Unwrap(argValue) is ILocalReferenceOperation passed
                        && SymbolEqualityComparer.Default.Equals(passed.Local, local)
                        && argValue.Syntax.SpanStart < usePosition
                        && !IsLibraryConstructor(argument.Parent):
                        // Handed to another method before the construct sees it: that method may set anything.
                        complete = false;
                        break;
                }
            }

            if (initial is null)
            {
                return PropsView.Unknown;
            }

            if (later is null)
            {
                return complete ? initial : new PropsView(initial.Type, initial.Assignments, false);
            }

            return new PropsView(initial.Type, initial.Assignments.AddRange(later.ToImmutable()), complete && initial.IsComplete);
        }

        /// <summary>
        /// A constructor of a library type (a CDK construct, say): CDK copies props when a construct is created and never
        /// writes to them, so props shared by two constructs are still fully known at the second.
        /// </summary>
        private static bool IsLibraryConstructor(IOperation? operation)
            => operation is IObjectCreationOperation { Constructor: { } ctor } && ctor.ContainingType.Locations.Length > 0 && !ctor.ContainingType.Locations[0].IsInSource;

        private static PropsView ReadHelper(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
            => OperationTree.SingleReturn(invocation, cancellationToken) is { ReturnedValue: { } returned } single
                ? Read(returned, single.Syntax.SpanStart, depth + 1, cancellationToken)
                : PropsView.Unknown;
    }
}
