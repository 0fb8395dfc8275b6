using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Checks the data annotations (<c>[Range]</c>, <c>[StringLength]</c>, ...) of an input record and of the records nested
/// in it; the first failure is an <see cref="InputValidationException"/> on the field's path, named as the client named it.
/// </summary>
internal static class InputValidator
{
    public static void Validate(InputShape shape, object record) => Validate(shape, record, "");

    private static void Validate(InputShape shape, object record, string path)
    {
        foreach (var field in shape.Fields)
        {
            var value = field.Member.Property.GetValue(record);
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            foreach (var validator in field.Validators)
            {
                // DisplayName is what the default messages print ("The field rating must be between 1 and 5.").
                var context = new ValidationContext(record) { MemberName = field.Member.Property.Name, DisplayName = field.Name };
                if (validator.GetValidationResult(value, context) is { } failure && failure != ValidationResult.Success)
                {
                    throw new InputValidationException(fieldPath, failure.ErrorMessage ?? $"{fieldPath} is not valid.");
                }
            }

            ValidateNested(field.Value, value, fieldPath);
        }
    }

    private static void ValidateNested(InputValue shape, object? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (shape.Element is { } element)
        {
            var i = 0;
            foreach (var item in (IEnumerable)value)
            {
                ValidateNested(element, item, $"{path}[{i++}]");
            }
        }
        else if (shape.Record is { } record)
        {
            Validate(record, value, path);
        }
    }
}
