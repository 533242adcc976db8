using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// The one reader of list and dictionary values that every rule uses. CDK's C# props take arrays (`Actions`,
    /// `Principals`, `AllowOrigins`, `Statements`) and dictionaries (`Environment`, `Tags`, `MethodOptions`), and real
    /// code writes them in many shapes: `new[] { … }`, `new string[] { … }`, C# 12 collection expressions `[…]` with
    /// spreads of shared arrays, `new List&lt;T&gt; { … }`, or a local built first and filled later. A rule that reads only
    /// one shape is blind to the others, so they are all read here.
    /// </summary>
    internal static class Collections
    {
        private const int MaxDepth = 4;

        /// <summary>
        /// The elements of a list value, each unwrapped from conversions. A part that cannot be followed (a parameter, a
        /// method call, a spread of something not in view) is returned as itself, so a caller that needs every element
        /// to be a constant sees that one is not. A value that is no list at all is returned as its only element
        /// (<c>AddActions("s3:*")</c> passes single values too).
        /// </summary>
        public static List<IOperation> Elements(IOperation? value, CancellationToken cancellationToken = default)
        {
            var result = new List<IOperation>();
            AddElements(value, result, 0, cancellationToken);
            return result;
        }

        /// <summary>True when <paramref name="parent"/> holds <paramref name="child"/> as one element of a list value (or wraps it).</summary>
        public static bool IsListWrapper(IOperation parent)
            => parent is IConversionOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation
               || IsCollectionExpression(parent) || IsSpread(parent)
               || parent is IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation } }
               || parent is IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation }
               || parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation } initializer && IsListInitializer(initializer)
               || parent is IObjectCreationOperation { Initializer: { } list } && IsListInitializer(list);

        /// <summary>
        /// From a value inside a list (<c>new[] { statement }</c>, <c>[statement]</c>, <c>new List&lt;T&gt; { statement }</c>)
        /// up to the list value itself, through conversions; the value itself when it is in no list.
        /// </summary>
        public static IOperation OutermostList(IOperation value)
        {
            var current = value;
            while (current.Parent is { } parent && IsListWrapper(parent))
            {
                current = parent;
            }

            return current;
        }

        /// <summary>The list value that holds <paramref name="element"/> as one of its elements; null when it is in no list.</summary>
        public static IOperation? ContainingList(IOperation element)
        {
            var list = OutermostList(element);
            for (var current = element.Parent; current is not null && current != list.Parent; current = current.Parent)
            {
                if (current is not IConversionOperation and not IParenthesizedOperation)
                {
                    return list;
                }
            }

            return null;
        }

        /// <summary>The other elements of the list that holds <paramref name="element"/> (the element itself included).</summary>
        public static List<IOperation> Siblings(IOperation element, CancellationToken cancellationToken = default)
            => Elements(OutermostList(element), cancellationToken);

        /// <summary>One dictionary entry: its key (null when not a single value) and its value.</summary>
        public readonly struct Entry
        {
            public Entry(IOperation? key, IOperation value)
            {
                Key = key;
                Value = value;
            }

            public IOperation? Key { get; }

            public IOperation Value { get; }
        }

        /// <summary>
        /// The entries of a dictionary value: an initializer with <c>["K"] = v</c> or <c>{ "K", v }</c>, a local dictionary
        /// filled later with <c>d["K"] = v</c> or <c>d.Add("K", v)</c> before <paramref name="usePosition"/>, or one
        /// returned by a helper in the same file. <paramref name="complete"/> is false when entries may come from
        /// somewhere out of view (a parameter, a dictionary handed to another method, a copy constructor).
        /// </summary>
        public static List<Entry> Entries(IOperation? value, out bool complete, CancellationToken cancellationToken = default)
        {
            var result = new List<Entry>();
            complete = AddEntries(value, value?.Syntax.SpanStart ?? 0, result, 0, cancellationToken);
            return result;
        }

        private static void AddElements(IOperation? value, List<IOperation> result, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unwrapped = ConstructCreation.Unwrap(value);
            if (unwrapped is null)
            {
                return;
            }

            if (depth > MaxDepth)
            {
                result.Add(unwrapped);
                return;
            }

            switch (unwrapped)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        AddElement(element, result, depth, cancellationToken);
                    }

                    return;
                case IArrayCreationOperation:
                    return; // `new string[0]`: empty
                case IObjectCreationOperation { Initializer: { } list } when IsListInitializer(list):
                    foreach (var item in list.Initializers)
                    {
                        if (item is IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            AddElement(add.Arguments[0].Value, result, depth, cancellationToken);
                        }
                        else
                        {
                            result.Add(item);
                        }
                    }

                    return;
                case ILocalReferenceOperation local when SingleAssignment(local.Local, local, cancellationToken) is { } initial:
                    AddElements(initial, result, depth + 1, cancellationToken);
                    return;
                case IFieldReferenceOperation field when ReadonlyFieldInitializer(field, cancellationToken) is { } initial:
                    AddElements(initial, result, depth + 1, cancellationToken);
                    return;
            }

            if (IsCollectionExpression(unwrapped))
            {
                foreach (var element in unwrapped.ChildOperations)
                {
                    AddElement(element, result, depth, cancellationToken);
                }

                return;
            }

            result.Add(unwrapped);
        }

        private static void AddElement(IOperation element, List<IOperation> result, int depth, CancellationToken cancellationToken)
        {
            if (IsSpread(element))
            {
                // `[.. Shared]`: the spread array's own elements.
                foreach (var spread in element.ChildOperations)
                {
                    AddElements(spread, result, depth + 1, cancellationToken);
                    return;
                }

                result.Add(element);
                return;
            }

            result.Add(ConstructCreation.Unwrap(element)!);
        }

        private static bool AddEntries(IOperation? value, int usePosition, List<Entry> result, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unwrapped = ConstructCreation.Unwrap(value);
            if (unwrapped is null || depth > MaxDepth)
            {
                return false;
            }

            switch (unwrapped)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    return true;
                case IObjectCreationOperation creation:
                    var complete = creation.Arguments.Length == 0;
                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var item in initializer.Initializers)
                        {
                            if (TryEntry(item, out var entry))
                            {
                                result.Add(entry);
                            }
                            else
                            {
                                complete = false;
                            }
                        }
                    }

                    return complete;
                case ILocalReferenceOperation local:
                    return AddLocalEntries(local, usePosition, result, depth, cancellationToken);
                case IInvocationOperation invocation:
                    return OperationTree.SingleReturn(invocation, cancellationToken) is { ReturnedValue: { } returned } single
                        && AddEntries(returned, single.Syntax.SpanStart, result, depth + 1, cancellationToken);
                default:
                    return false;
            }
        }

        private static bool TryEntry(IOperation item, out Entry entry)
        {
            switch (item)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                    entry = new Entry(add.Arguments[0].Value, add.Arguments[1].Value);
                    return true;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } set:
                    entry = new Entry(indexer.Arguments[0].Value, set.Value);
                    return true;
                default:
                    entry = default;
                    return false;
            }
        }

        /// <summary>`var env = new Dictionary&lt;…&gt; { … }; env["K"] = v; env.Add("K", v);` up to where the dictionary is used.</summary>
        private static bool AddLocalEntries(ILocalReferenceOperation reference, int usePosition, List<Entry> result, int depth, CancellationToken cancellationToken)
        {
            var local = reference.Local;
            IOperation? initial = null;
            var complete = true;
            var later = new List<Entry>();
            foreach (var op in OperationTree.BodyOf(reference))
            {
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initial = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        complete = false; // reassigned: which dictionary reaches the construct depends on control flow
                        break;
                    case IExpressionStatementOperation { Operation: var statement } when op.Syntax.SpanStart < usePosition:
                        switch (statement)
                        {
                            case IInvocationOperation { Instance: ILocalReferenceOperation target, TargetMethod.Name: "Add", Arguments.Length: 2 } add
                                when SymbolEqualityComparer.Default.Equals(target.Local, local):
                                later.Add(new Entry(add.Arguments[0].Value, add.Arguments[1].Value));
                                break;
                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: ILocalReferenceOperation target } indexer } set
                                when SymbolEqualityComparer.Default.Equals(target.Local, local):
                                later.Add(new Entry(indexer.Arguments[0].Value, set.Value));
                                break;
                        }

                        break;
                    case IArgumentOperation { Value: var argument } when ConstructCreation.Unwrap(argument) is ILocalReferenceOperation passed
                        && SymbolEqualityComparer.Default.Equals(passed.Local, local) && argument.Syntax.SpanStart < usePosition
                        && op.Parent is IInvocationOperation { TargetMethod.ContainingAssembly: var assembly } && IsInSource(assembly):
                        complete = false; // handed to a method of the app before use: it may add anything
                        break;
                }
            }

            if (initial is null)
            {
                return false;
            }

            complete &= AddEntries(initial, usePosition, result, depth + 1, cancellationToken);
            result.AddRange(later);
            return complete;
        }

        private static bool IsInSource(IAssemblySymbol? assembly)
            => assembly is not null && assembly.Locations.Length > 0 && assembly.Locations[0].IsInSource;

        /// <summary>The value of a local that is assigned once, where it is declared, and never written again.</summary>
        private static IOperation? SingleAssignment(ILocalSymbol local, IOperation anywhere, CancellationToken cancellationToken)
        {
            if (local.IsRef)
            {
                return null;
            }

            IOperation? initial = null;
            foreach (var op in OperationTree.BodyOf(anywhere))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initial = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                    case IInvocationOperation { Instance: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null; // `list.Add(…)`: filled later
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In, Value: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                }
            }

            return initial;
        }

        /// <summary>
        /// The initializer of a <c>readonly</c> (or <c>static readonly</c>) field declared in the same file, when no
        /// constructor assigns it: a shared list such as <c>static readonly string[] ReadActions = { … }</c>.
        /// </summary>
        private static IOperation? ReadonlyFieldInitializer(IFieldReferenceOperation reference, CancellationToken cancellationToken)
        {
            var field = reference.Field;
            if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model
                || field.DeclaringSyntaxReferences[0].SyntaxTree != reference.Syntax.SyntaxTree
                || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer }
                || Constant.AssignedInConstructor(field))
            {
                return null;
            }

            return model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation { Value: var value } ? value : null;
        }

        private static bool IsListInitializer(IObjectOrCollectionInitializerOperation initializer)
        {
            if (initializer.Initializers.Length == 0)
            {
                return false;
            }

            foreach (var item in initializer.Initializers)
            {
                if (item is not IInvocationOperation { IsImplicit: true, Arguments.Length: 1 })
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A C# 12 collection expression. Roslyn 4.8 gives it no operation kind of its own (newer compilers do), so it is
        /// recognised by its syntax, in both; its elements are its children either way.
        /// </summary>
        private static bool IsCollectionExpression(IOperation operation)
            => operation is not IConversionOperation && operation.Syntax is CollectionExpressionSyntax;

        private static bool IsSpread(IOperation operation)
            => operation.Syntax is SpreadElementSyntax && operation is not IConversionOperation;
    }
}
