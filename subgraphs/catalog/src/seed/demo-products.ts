/**
 * The demo catalog (SEED_DEMO_DATA=true): 51 products over the leaf categories, each with 1-4
 * variants. Fixed data so tests and docs can rely on it. Prices are USD cents; a variant option
 * "value:+250" costs 2.50 more than the base price.
 */
export interface DemoProduct {
  /** Slug of the (leaf) category. */
  category: string;
  name: string;
  description: string;
  /** Base price in cents (the cheapest variant). */
  price: number;
  /** One option axis with its values, e.g. ['Size', 'S', 'M', 'L']; none = a single Default variant. */
  option?: [string, ...string[]];
  /** "Key: Value" pairs. */
  attributes: string[];
}

const sizes: [string, ...string[]] = ['Size', 'S', 'M', 'L', 'XL'];

export const demoProducts: DemoProduct[] = [
  { category: 'shirts', name: 'Classic Oxford Shirt', price: 4900, option: sizes, attributes: ['Material: Cotton', 'Fit: Regular'], description: 'A button-down Oxford shirt in soft, breathable cotton for the office or the weekend.' },
  { category: 'shirts', name: 'Linen Summer Shirt', price: 5900, option: ['Size', 'M', 'L', 'XL'], attributes: ['Material: Linen', 'Fit: Relaxed'], description: 'Lightweight linen that keeps you cool on the hottest days.' },
  { category: 'shirts', name: 'Flannel Check Shirt', price: 4500, option: ['Colour', 'Red', 'Green'], attributes: ['Material: Brushed cotton', 'Pattern: Check'], description: 'A warm brushed-cotton flannel with a timeless check pattern.' },
  { category: 'jackets', name: 'Waxed Field Jacket', price: 18900, option: ['Size', 'M', 'L', 'XL'], attributes: ['Material: Waxed cotton', 'Water resistant: Yes'], description: 'A weatherproof waxed cotton jacket with four roomy pockets.' },
  { category: 'jackets', name: 'Quilted Puffer Jacket', price: 14900, option: sizes, attributes: ['Fill: Recycled down', 'Weight: 620 g'], description: 'Light, packable warmth with recycled down insulation.' },
  { category: 'jackets', name: 'Denim Trucker Jacket', price: 8900, option: ['Size', 'S', 'M', 'L'], attributes: ['Material: Denim', 'Wash: Mid blue'], description: 'The classic denim jacket, cut from sturdy 13 oz denim.' },
  { category: 'dresses', name: 'Wrap Midi Dress', price: 7900, option: ['Size', 'XS', 'S', 'M', 'L'], attributes: ['Material: Viscose', 'Length: Midi'], description: 'A flattering wrap dress in a fluid viscose crepe.' },
  { category: 'dresses', name: 'Cotton Sundress', price: 5500, option: ['Size', 'S', 'M', 'L'], attributes: ['Material: Cotton', 'Length: Knee'], description: 'An easy cotton sundress with adjustable straps and pockets.' },
  { category: 'dresses', name: 'Knit Sweater Dress', price: 9500, option: ['Colour', 'Oatmeal', 'Charcoal'], attributes: ['Material: Merino blend', 'Length: Midi'], description: 'Soft merino-blend knit for cosy days.' },
  { category: 'tops', name: 'Silk Camisole', price: 6500, option: ['Size', 'XS', 'S', 'M'], attributes: ['Material: Silk'], description: 'A pure silk camisole that layers under anything.' },
  { category: 'tops', name: 'Organic Cotton Tee', price: 2500, option: ['Colour', 'White', 'Black', 'Navy', 'Sage'], attributes: ['Material: Organic cotton', 'Fit: Regular'], description: 'An everyday tee in heavyweight organic cotton.' },
  { category: 'tops', name: 'Striped Breton Top', price: 3900, option: ['Size', 'S', 'M', 'L'], attributes: ['Material: Cotton', 'Pattern: Stripe'], description: 'The French classic, in thick striped cotton jersey.' },
  { category: 'hats', name: 'Wool Beanie', price: 2200, option: ['Colour', 'Grey', 'Mustard', 'Black'], attributes: ['Material: Merino wool'], description: 'A ribbed merino beanie that is warm without the itch.' },
  { category: 'hats', name: 'Canvas Baseball Cap', price: 1900, attributes: ['Material: Cotton canvas', 'Closure: Adjustable strap'], description: 'A six-panel cap with a curved brim and brass buckle.' },
  { category: 'hats', name: 'Straw Panama Hat', price: 4900, option: ['Size', 'M', 'L'], attributes: ['Material: Toquilla straw'], description: 'Hand-woven straw hat for sunny days.' },
  { category: 'bags', name: 'Leather Weekender Bag', price: 24900, attributes: ['Material: Full-grain leather', 'Capacity: 40 L'], description: 'A roomy full-grain leather holdall for short trips.' },
  { category: 'bags', name: 'Canvas Tote Bag', price: 2900, option: ['Colour', 'Natural', 'Navy'], attributes: ['Material: Cotton canvas', 'Capacity: 18 L'], description: 'A sturdy everyday tote with an inside pocket.' },
  { category: 'bags', name: 'Roll-Top Backpack', price: 11900, option: ['Colour', 'Black', 'Olive'], attributes: ['Capacity: 25 L', 'Water resistant: Yes', 'Laptop sleeve: 15 inch'], description: 'A waterproof roll-top backpack with a padded laptop sleeve.' },
  { category: 'headphones', name: 'Wireless Noise-Cancelling Headphones', price: 29900, option: ['Colour', 'Black', 'Silver'], attributes: ['Battery: 30 h', 'Bluetooth: 5.3', 'Noise cancelling: Active'], description: 'Over-ear headphones with adaptive noise cancelling and all-day battery.' },
  { category: 'headphones', name: 'Studio Monitor Headphones', price: 14900, attributes: ['Type: Closed-back', 'Impedance: 38 ohm'], description: 'Closed-back studio headphones with a flat, honest sound.' },
  { category: 'headphones', name: 'True Wireless Earbuds', price: 9900, option: ['Colour', 'White', 'Black', 'Blue'], attributes: ['Battery: 8 h + 24 h case', 'Water resistance: IPX4'], description: 'Compact earbuds with a pocketable charging case.' },
  { category: 'speakers', name: 'Portable Bluetooth Speaker', price: 7900, option: ['Colour', 'Black', 'Red', 'Teal'], attributes: ['Battery: 15 h', 'Water resistance: IP67'], description: 'A rugged, waterproof speaker with surprisingly big sound.' },
  { category: 'speakers', name: 'Smart Home Speaker', price: 12900, attributes: ['Wi-Fi: Yes', 'Voice assistant: Built in'], description: 'Room-filling sound with a built-in voice assistant.' },
  { category: 'speakers', name: 'Bookshelf Speaker Pair', price: 34900, option: ['Finish', 'Walnut', 'Black:+2000'], attributes: ['Power: 60 W', 'Inputs: Optical, RCA, Bluetooth'], description: 'Powered bookshelf speakers for your desk or living room.' },
  { category: 'laptops', name: 'Ultrabook 14', price: 119900, option: ['Storage', '512 GB', '1 TB:+20000'], attributes: ['Screen: 14 inch', 'Memory: 16 GB', 'Weight: 1.2 kg'], description: 'A thin and light 14-inch laptop with an all-day battery.' },
  { category: 'laptops', name: 'Creator Laptop 16', price: 219900, option: ['Storage', '1 TB', '2 TB:+30000'], attributes: ['Screen: 16 inch', 'Memory: 32 GB', 'GPU: Dedicated'], description: 'A powerful 16-inch machine for video and 3D work.' },
  { category: 'laptops', name: 'Student Chromebook', price: 34900, attributes: ['Screen: 13 inch', 'Memory: 8 GB'], description: 'An affordable, fast-booting laptop for school work.' },
  { category: 'keyboards', name: 'Mechanical Keyboard', price: 12900, option: ['Switches', 'Linear', 'Tactile', 'Clicky'], attributes: ['Layout: Tenkeyless', 'Backlight: RGB'], description: 'A hot-swappable mechanical keyboard with your choice of switches.' },
  { category: 'keyboards', name: 'Low-Profile Wireless Keyboard', price: 7900, option: ['Layout', 'US', 'UK', 'DE'], attributes: ['Connection: Bluetooth', 'Battery: 3 months'], description: 'A slim wireless keyboard that pairs with three devices.' },
  { category: 'keyboards', name: 'Ergonomic Split Keyboard', price: 17900, attributes: ['Layout: Split', 'Tenting: Adjustable'], description: 'A split keyboard that keeps your wrists straight.' },
  { category: 'phones', name: 'Smartphone X', price: 79900, option: ['Storage', '128 GB', '256 GB:+10000', '512 GB:+30000'], attributes: ['Screen: 6.1 inch', 'Camera: 48 MP'], description: 'A flagship phone with a brilliant display and pro camera.' },
  { category: 'phones', name: 'Smartphone Lite', price: 39900, option: ['Colour', 'Black', 'Mint'], attributes: ['Screen: 6.4 inch', 'Battery: 5000 mAh'], description: 'Great battery life and a big screen at a friendly price.' },
  { category: 'phones', name: 'Rugged Phone', price: 49900, attributes: ['Water resistance: IP68', 'Drop tested: 1.5 m'], description: 'A phone built for building sites and mountain trails.' },
  { category: 'cookware', name: 'Cast Iron Skillet', price: 3900, option: ['Size', '20 cm', '26 cm:+1000', '30 cm:+1800'], attributes: ['Material: Cast iron', 'Oven safe: Yes'], description: 'A pre-seasoned skillet that will outlive us all.' },
  { category: 'cookware', name: 'Stainless Steel Saucepan Set', price: 12900, attributes: ['Pieces: 3', 'Induction: Yes'], description: 'Three tri-ply saucepans with glass lids.' },
  { category: 'cookware', name: 'Non-Stick Frying Pan', price: 2900, option: ['Size', '24 cm', '28 cm:+700'], attributes: ['Coating: Ceramic', 'Induction: Yes'], description: 'A PFAS-free ceramic non-stick pan for everyday cooking.' },
  { category: 'coffee', name: 'Pour-Over Coffee Set', price: 4500, attributes: ['Material: Glass', 'Capacity: 600 ml'], description: 'Dripper, carafe and filters for a clean, bright cup.' },
  { category: 'coffee', name: 'Burr Coffee Grinder', price: 14900, option: ['Colour', 'Black', 'White'], attributes: ['Burrs: 40 mm conical', 'Settings: 40'], description: 'A consistent conical burr grinder for every brew method.' },
  { category: 'coffee', name: 'Espresso Machine', price: 49900, attributes: ['Pressure: 15 bar', 'Milk frother: Steam wand'], description: 'A compact espresso machine with a proper steam wand.' },
  { category: 'lighting', name: 'Brass Desk Lamp', price: 8900, attributes: ['Material: Brass', 'Bulb: E27'], description: 'An adjustable brass lamp with a weighted base.' },
  { category: 'lighting', name: 'Paper Pendant Light', price: 5900, option: ['Diameter', '40 cm', '60 cm:+2000'], attributes: ['Material: Rice paper'], description: 'A soft, diffused pendant shade in rice paper.' },
  { category: 'lighting', name: 'Smart LED Bulb Pack', price: 3900, option: ['Pack', '2 bulbs', '4 bulbs:+3000'], attributes: ['Colours: 16 million', 'Fitting: E27'], description: 'App-controlled colour bulbs that work with voice assistants.' },
  { category: 'furniture', name: 'Oak Dining Table', price: 89900, option: ['Length', '160 cm', '200 cm:+15000'], attributes: ['Material: Solid oak', 'Seats: 6'], description: 'A solid oak table finished with natural oil.' },
  { category: 'furniture', name: 'Linen Armchair', price: 59900, option: ['Colour', 'Sand', 'Slate'], attributes: ['Upholstery: Linen', 'Legs: Beech'], description: 'A deep, comfortable armchair with removable covers.' },
  { category: 'furniture', name: 'Floating Wall Shelf', price: 3500, option: ['Length', '60 cm', '90 cm:+1000'], attributes: ['Material: Walnut veneer', 'Max load: 15 kg'], description: 'A minimalist shelf with hidden brackets.' },
  { category: 'camping', name: 'Two-Person Tent', price: 19900, attributes: ['Weight: 1.9 kg', 'Seasons: 3'], description: 'A freestanding backpacking tent that pitches in minutes.' },
  { category: 'camping', name: 'Down Sleeping Bag', price: 24900, option: ['Length', 'Regular', 'Long:+2000'], attributes: ['Comfort: -5 C', 'Fill: 700 fill down'], description: 'A warm, packable mummy bag for three-season trips.' },
  { category: 'camping', name: 'Camping Stove', price: 4900, attributes: ['Fuel: Gas canister', 'Boil time: 3.5 min'], description: 'A tiny, powerful stove that folds into its own pot.' },
  { category: 'yoga', name: 'Cork Yoga Mat', price: 6900, attributes: ['Material: Cork and natural rubber', 'Thickness: 4 mm'], description: 'A grippy, sustainable mat that gets better with sweat.' },
  { category: 'yoga', name: 'Yoga Block Pair', price: 1900, option: ['Material', 'Foam', 'Cork:+900'], attributes: ['Pieces: 2'], description: 'Two supportive blocks for deeper, safer poses.' },
  { category: 'yoga', name: 'Resistance Band Set', price: 2400, attributes: ['Pieces: 5', 'Material: Latex-free'], description: 'Five bands from light to extra heavy, with a carry bag.' },
];

/** Products the storefront highlights. */
export const featuredDemoProducts = new Set([
  'Classic Oxford Shirt',
  'Wrap Midi Dress',
  'Wireless Noise-Cancelling Headphones',
  'Ultrabook 14',
  'Smartphone X',
  'Cast Iron Skillet',
  'Espresso Machine',
  'Two-Person Tent',
  'Cork Yoga Mat',
]);
