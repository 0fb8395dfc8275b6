using Gateway.Inventory;

namespace Gateway.Tests.Mutations;

public class StockReservationPlannerTests
{
    [Fact]
    public void Takes_from_the_largest_stock_first_and_breaks_ties_by_the_lower_warehouse_id()
    {
        var plan = StockReservationPlanner.Plan([(4, 5), (2, 5), (1, 7), (3, 0)], 14);
        Assert.Equal([(1, 7), (2, 5), (4, 2)], plan!);
    }

    [Fact]
    public void One_warehouse_suffices_when_it_holds_enough()
    {
        Assert.Equal([(2, 3)], StockReservationPlanner.Plan([(1, 2), (2, 9)], 3)!);
    }

    [Fact]
    public void The_same_stock_always_yields_the_same_plan_whatever_its_order()
    {
        (int, int)[] stock = [(1, 3), (2, 3), (3, 3)];
        Assert.Equal(StockReservationPlanner.Plan(stock, 7), StockReservationPlanner.Plan(stock.Reverse(), 7));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(100)]
    public void Returns_no_plan_when_all_warehouses_together_hold_too_little(int quantity)
    {
        Assert.Null(StockReservationPlanner.Plan([(1, 4), (2, 6), (3, 0)], quantity));
    }

    [Fact]
    public void Exactly_all_the_stock_can_be_taken()
    {
        Assert.Equal([(2, 6), (1, 4)], StockReservationPlanner.Plan([(1, 4), (2, 6)], 10)!);
    }
}
