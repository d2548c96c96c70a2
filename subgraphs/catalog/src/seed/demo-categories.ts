/** The demo category tree: name, and children (three levels deep). Slugs come from the names. */
export interface DemoCategory {
  name: string;
  children?: DemoCategory[];
}

export const demoCategories: DemoCategory[] = [
  {
    name: 'Apparel',
    children: [
      { name: 'Men', children: [{ name: 'Shirts' }, { name: 'Jackets' }] },
      { name: 'Women', children: [{ name: 'Dresses' }, { name: 'Tops' }] },
      { name: 'Accessories', children: [{ name: 'Hats' }, { name: 'Bags' }] },
    ],
  },
  {
    name: 'Electronics',
    children: [
      { name: 'Audio', children: [{ name: 'Headphones' }, { name: 'Speakers' }] },
      { name: 'Computers', children: [{ name: 'Laptops' }, { name: 'Keyboards' }] },
      { name: 'Phones' },
    ],
  },
  {
    name: 'Home',
    children: [
      { name: 'Kitchen', children: [{ name: 'Cookware' }, { name: 'Coffee' }] },
      { name: 'Decor', children: [{ name: 'Lighting' }] },
      { name: 'Furniture' },
    ],
  },
  {
    name: 'Sports',
    children: [
      { name: 'Outdoor', children: [{ name: 'Camping' }] },
      { name: 'Fitness', children: [{ name: 'Yoga' }] },
    ],
  },
];
