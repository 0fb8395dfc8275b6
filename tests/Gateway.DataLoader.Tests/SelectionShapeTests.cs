namespace Gateway.DataLoader.Tests;

public sealed class SelectionShapeTests
{
    [Fact]
    public void Shapes_with_the_same_fields_are_equal_whatever_the_order_or_repetition()
    {
        var shape = SelectionShape.Of("name", "id", "name");

        Assert.Equal(SelectionShape.Of("id", "name"), shape);
        Assert.Equal(SelectionShape.Of("id", "name").GetHashCode(), shape.GetHashCode());
        Assert.NotEqual(SelectionShape.Of("id"), shape);
        Assert.NotEqual(SelectionShape.Of("id", "Name"), shape);
        Assert.Equal(["id", "name"], shape.Fields);
        Assert.Equal("{id, name}", shape.ToString());
    }

    [Fact]
    public void Contains_tells_whether_a_field_is_selected()
    {
        var shape = SelectionShape.Of("price", "id", "name");

        Assert.True(shape.Contains("name"));
        Assert.False(shape.Contains("description"));
    }
}
