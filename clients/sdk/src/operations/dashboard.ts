import { graphql } from '../gql/index.ts';

/** The admin dashboard's figures: what the first paint and every live update show. */
export const dashboardFiguresFragment = graphql(`
  fragment DashboardFigures on Dashboard {
    salesToday { amount currency }
    ordersToday
    averageOrderValue { amount currency }
    newCustomersToday
    topProducts(limit: 5) { unitsSold revenue { amount currency } product { id name } }
    lowStock { available variant { id sku product { id name } } }
    salesByDay(days: 30) { date orders revenue { amount currency } }
    updatedAt
  }
`);

/** The dashboard as it is now (ADMIN). */
export const dashboardQuery = graphql(`
  query Dashboard {
    dashboard { ...DashboardFigures }
  }
`);

/** The dashboard after every order, payment or registration that moves a figure (ADMIN). */
export const dashboardUpdatedSubscription = graphql(`
  subscription DashboardUpdated {
    dashboardUpdated { ...DashboardFigures }
  }
`);

/** Sales between two instants, bucketed by day, ISO week or month (ADMIN). */
export const salesReportQuery = graphql(`
  query SalesReport($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) {
    salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } }
  }
`);
