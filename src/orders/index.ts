export type { Address, Customer, CustomerInput, Fulfillment, LineItem, Order, OrderStatus, PaymentEntry, PaymentMethod, SkuFacts } from './types.ts';
export { ORDER_STATUSES, customerSchema, orderFileSchema, addressSchema } from './types.ts';
export type { OrdersRepository, WriteCounts } from './repository.ts';
export { SqliteOrdersRepository } from './sqlite-repository.ts';
export { ordersMigrations } from './migrations.ts';
export { importOrdersDir, importOrdersFile, importCustomersFile } from './import-orders.ts';
